import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { NotFoundState } from '../../components/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return <NotFoundState />;
}
