import { describe, it, expect } from 'vitest';
import { frac } from '../kernel/fraction';
import { cappedPercent, floorF, parseWeight, showDecimal } from './results-exact';

describe('exact weights and percents', () => {
  it.each<[unknown, string | null]>([
    ['1/3', '1/3'],
    [' 2 / 4 ', '1/2'],
    ['0.25', '1/4'],
    [2, '2/1'],
    ['1/0', null],
    ['-1', null],
    ['-1/3', null],
    ['a/b', null],
  ])('reads the weight %j as %s', (input, expected) => {
    const f = parseWeight(input);
    expect(f === null ? null : `${f.num}/${f.den}`).toBe(expected);
  });

  it('shows a repeating decimal rounded', () => {
    expect(showDecimal(frac(2, 3), 2)).toBe('0.67');
  });

  it.each([
    ['7/2', frac(7, 2), 3n],
    ['-7/2', frac(-7, 2), -4n],
    ['-4', frac(-4), -4n],
  ])('the floor of %s is %s', (_name, f, n) => {
    expect(floorF(f)).toBe(n);
  });

  it.each([
    ['3/4', frac(3, 4), 75],
    ['199/200', frac(199, 200), 99],
    ['1', frac(1), 100],
    ['3/2', frac(3, 2), 100],
    ['-1/2', frac(-1, 2), 0],
    ['1/3', frac(1, 3), 33],
  ])('the display percent of %s is %i (capped, rounded down)', (_name, f, pct) => {
    expect(cappedPercent(f)).toBe(pct);
  });
});
