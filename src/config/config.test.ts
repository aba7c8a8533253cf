import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('gives an invitation’s link 7 days unless ACCORD_INVITATION_DAYS says otherwise', () => {
    expect(loadConfig({}).invitationDays).toBe(7);
    expect(loadConfig({ ACCORD_INVITATION_DAYS: '2' }).invitationDays).toBe(2);
    expect(loadConfig({ ACCORD_INVITATION_DAYS: '30' }).invitationDays).toBe(30);
  });

  it.each(['0', '31', '1.5', 'a week'])('refuses ACCORD_INVITATION_DAYS=%s with an error naming the variable', (value) => {
    expect(() => loadConfig({ ACCORD_INVITATION_DAYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ACCORD_INVITATION_DAYS: value })).toThrow(/ACCORD_INVITATION_DAYS/);
  });
});
