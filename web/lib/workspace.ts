import type { ComponentType } from 'react';

/** An entry of a partnership workspace's navigation: `to` is relative to the partnership's page. */
export interface WorkspaceSection {
  to: string;
  key: string;
  icon: ComponentType<{ size?: number | string; 'aria-hidden'?: boolean }>;
  /** The action the reader needs to see the section (none: always shown). */
  action?: string;
}
