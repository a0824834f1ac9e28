// The per-day rewards series: the indexer leaves days without rewards out, the chart draws them
// as empty days between the first and the last, and a devnet's single day is one bar.
import test from 'node:test';
import assert from 'node:assert/strict';
import { dailySeries, MAX_DAYS } from '../src/chart.js';

const DAY = 86400;
const JAN_2 = 1704153600; // 2024-01-02T00:00:00Z
const bucket = (t, reward, count = 1) => ({ day: new Date(t * 1000).toISOString().slice(0, 10), fromTime: t, toTime: t + DAY - 1, rewardTotal: reward, rewardCount: count });

test('one day of rewards is one day', () => {
  const { days, cut } = dailySeries([bucket(JAN_2, '600000000000000000001', 3)]);
  assert.deepEqual(days, [{ day: '2024-01-02', reward: 600000000000000000001n, count: 3 }]);
  assert.equal(cut, false);
});

test('days without rewards between two paying days are drawn as zero', () => {
  const { days } = dailySeries([bucket(JAN_2, '5'), bucket(JAN_2 + 3 * DAY, '7')]);
  assert.deepEqual(days.map((d) => [d.day, d.reward]), [
    ['2024-01-02', 5n], ['2024-01-03', 0n], ['2024-01-04', 0n], ['2024-01-05', 7n],
  ]);
});

test('a history longer than the chart keeps its latest days', () => {
  const { days, cut } = dailySeries([bucket(JAN_2, '1'), bucket(JAN_2 + 400 * DAY, '2')]);
  assert.equal(days.length, MAX_DAYS);
  assert.equal(cut, true);
  assert.equal(days[days.length - 1].reward, 2n);
});

test('no rewards, no days', () => {
  assert.deepEqual(dailySeries([]).days, []);
});
