/** Official SDG colours (United Nations), used when reference data has not loaded yet. */
export const SDG_COLOURS: Record<string, string> = {
  '1': '#E5243B', '2': '#DDA63A', '3': '#4C9F38', '4': '#C5192D', '5': '#FF3A21', '6': '#26BDE2', '7': '#FCC30B', '8': '#A21942',
  '9': '#FD6925', '10': '#DD1367', '11': '#FD9D24', '12': '#BF8B2E', '13': '#3F7E44', '14': '#0A97D9', '15': '#56C02B', '16': '#00689D',
  '17': '#19486A',
};
export const SDG_GOAL_CODES = Object.keys(SDG_COLOURS);

/** The goal of an SDG goal or target code: "3.b" -> "3". */
export const sdgGoalOf = (code: string): string => code.split('.')[0];

function luminance(hex: string): number {
  const n = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(n.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever reads better on the colour (always at least 4.5:1). */
export function readableOn(hex: string): string {
  const l = luminance(hex);
  const white = 1.05 / (l + 0.05);
  const black = (l + 0.05) / 0.05;
  return white >= black ? '#ffffff' : '#111111';
}
