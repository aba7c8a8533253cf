import { Box, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RISK_BANDS } from '../../../src/domain/accountability/risks';
import { useFormat } from '../../lib/format';
import type { RiskHeatMap } from './api';
import { BAND_META, BandBadge, useRiskLabels } from './badges';

export interface CellRef {
  likelihood: number;
  impact: number;
}

const RATINGS = [1, 2, 3, 4, 5];

/**
 * The 5x5 heat map as a real table: likelihood down the rows (almost certain on top), impact across, each
 * cell a button that filters the register to its risks. The table is its own text equivalent: headers name
 * the ratings and each button says how many risks sit in the cell and their band.
 */
export function HeatMapGrid({ map, selected, onSelect }: { map: RiskHeatMap; selected: CellRef | null; onSelect: (cell: CellRef | null) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const l = useRiskLabels();
  return (
    <Stack gap="sm">
      <Box style={{ width: '100%' }}>
        <table className="risk-heatmap" style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 4, tableLayout: 'fixed' }}>
          <caption>
            <VisuallyHidden>{t('risks.heatmap.caption')}</VisuallyHidden>
          </caption>
          <colgroup>
            <col style={{ width: '21%' }} />
            {RATINGS.map((i) => (
              <col key={i} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" style={{ verticalAlign: 'bottom', textAlign: 'left' }}>
                <Text size="xs" fw={700} c="gray.7" lh={1.2}>
                  {t('risks.heatmap.corner')}
                </Text>
              </th>
              {RATINGS.map((i) => (
                <th key={i} scope="col" style={{ verticalAlign: 'bottom' }}>
                  {/* on a phone the columns are too narrow for the words: the numbers show, the words are read out and listed under the map */}
                  <Text size="xs" fw={600} lh={1.2} visibleFrom="sm" style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
                    {l.impact(i)}
                  </Text>
                  <VisuallyHidden hiddenFrom="sm">{l.impact(i)}</VisuallyHidden>
                  <Text size="xs" c="gray.7" fw={600}>
                    {i}
                  </Text>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...RATINGS].reverse().map((li) => (
              <tr key={li}>
                <th scope="row" style={{ textAlign: 'left' }}>
                  <Text size="xs" fw={600} lh={1.2}>
                    {l.likelihood(li)}{' '}
                    <Text span size="xs" c="gray.7" fw={400}>
                      {li}
                    </Text>
                  </Text>
                </th>
                {RATINGS.map((im) => {
                  const cell = map.cells[li - 1]?.[im - 1];
                  if (!cell) return <td key={im} />;
                  const m = BAND_META[cell.band];
                  const isSel = selected?.likelihood === li && selected.impact === im;
                  const label = t('risks.heatmap.cellLabel', {
                    count: cell.count,
                    formatted: f.number(cell.count),
                    likelihood: l.likelihood(li),
                    impact: l.impact(im),
                    score: cell.score,
                    band: t(`risks.band.${cell.band}`),
                  });
                  return (
                    <td key={im} style={{ padding: 0 }}>
                      <UnstyledButton
                        aria-pressed={isSel}
                        title={cell.risks.map((r) => `#${r.number} ${r.title}`).join('\n') || undefined}
                        onClick={() => onSelect(isSel ? null : { likelihood: li, impact: im })}
                        className="risk-heatmap-cell"
                        style={{
                          display: 'flex',
                          flexDirection: 'column',
                          alignItems: 'center',
                          justifyContent: 'center',
                          width: '100%',
                          minHeight: 52,
                          borderRadius: 6,
                          // empty cells keep their band's colour, paler, so the occupied ones stand out
                          background: cell.count > 0 ? m.fill : m.pale,
                          color: '#111111',
                          outline: isSel ? '3px solid #111111' : undefined,
                          outlineOffset: isSel ? 1 : undefined,
                          boxShadow: cell.count > 0 ? `inset 0 0 0 2px ${m.strong}` : undefined,
                        }}
                      >
                        <VisuallyHidden>{label}</VisuallyHidden>
                        <Text fz={cell.count > 0 ? 20 : 14} fw={cell.count > 0 ? 800 : 400} lh={1.1} c={cell.count > 0 ? '#111111' : '#3b3b3b'} aria-hidden>
                          {cell.count > 0 ? f.number(cell.count) : '·'}
                        </Text>
                        <Text fz={10} c="#2b2b2b" aria-hidden>
                          {cell.score}
                        </Text>
                      </UnstyledButton>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
      <Text size="xs" c="gray.7" hiddenFrom="sm" aria-hidden>
        {t('risks.heatmap.impactScale', { scale: [1, 2, 3, 4, 5].map((n) => `${n} ${l.impact(n)}`).join(' · ') })}
      </Text>
      <Group gap={6} wrap="wrap" aria-label={t('risks.heatmap.legend')} role="group">
        {[...RISK_BANDS].reverse().map((b) => (
          <Group key={b} gap={4} wrap="nowrap">
            <BandBadge band={b} />
            <Text size="sm" fw={600}>
              {f.number(map.byBand[b])}
            </Text>
          </Group>
        ))}
        <Text size="sm" c="gray.7">
          {t('risks.heatmap.total', { count: map.total, formatted: f.number(map.total) })}
        </Text>
      </Group>
    </Stack>
  );
}
