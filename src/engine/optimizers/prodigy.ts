import * as tf from '@tensorflow/tfjs';
import type { StepInput, StepOutput, StepRule } from './stepRule';

/**
 * Prodigy (Mishchenko & Defazio 2024, konstmish/prodigy): Adam whose step size d·lr is
 * estimated as it goes, from how far the weights have moved from where they started (p0)
 * along the gradients. Every sum stays on the device, so a step never waits for a read-back.
 *
 * Group scalars: d and its running maximum, the EMA numerator of the d estimate, the count
 * of steps taken (the reference skips a step whose denominator is 0, count included), and the
 * step size d·lr·(bias correction) the last step used, for charts.
 */
const GROUP_SLOTS: StepRule['groupSlots'] = [
  { name: 'd', initial: (s) => s.d0 },
  { name: 'dMax', initial: (s) => s.d0 },
  { name: 'dNumerator', initial: () => 0 },
  { name: 'k', initial: () => 0 },
  { name: 'effectiveLr', initial: () => 0 },
];

const dot = (a: tf.Tensor, b: tf.Tensor): tf.Scalar => tf.sum(tf.mul(a, b));

const prodigy: StepRule = {
  slotNames: ['s', 'p0', 'expAvg', 'expAvgSq'],
  groupSlots: GROUP_SLOTS,
  defaults: {},
  update: ({ params, grads, slots, group, s, step }: StepInput): StepOutput => {
    const [d, dMax, dNumerator, k, lastLr] = group;
    // A clone: the variable itself would read its updated value once assigned.
    const p0s = params.map((p, i) => (step === 1 ? tf.clone(p) : slots[i][1]));
    if (s.lr === 0) {
      // No EMA moves and the step is skipped, as in the reference; p0 is still recorded.
      return {
        params: [...params],
        slots: slots.map(([sAcc, , m, v], i) => [sAcc, p0s[i], m, v]),
        group: [d, dMax, dNumerator, k, lastLr],
      };
    }
    const { beta1, beta2 } = s;
    const beta3 = s.beta3 ?? Math.sqrt(beta2);
    const kp1 = tf.add(k, 1);
    const biasCorrection = s.useBiasCorrection
      ? tf.div(tf.sqrt(tf.sub(1, tf.pow(beta2, kp1))), tf.sub(1, tf.pow(beta1, kp1)))
      : tf.scalar(1);
    const dlr = tf.mul(tf.mul(d, s.lr), biasCorrection) as tf.Scalar;
    const dOverD0 = tf.div(d, s.d0);
    const sScale = tf.mul(dOverD0, s.safeguardWarmup ? d : dlr);
    const coupled = s.weightDecay !== 0 && !s.decouple;

    let numerator = tf.mul(dNumerator, beta3) as tf.Scalar;
    let denominator = tf.scalar(0);
    const moved = params.map((p, i) => {
      const g = coupled ? tf.add(grads[i], tf.mul(p, s.weightDecay)) : grads[i];
      const [sAcc, , m, v] = slots[i];
      numerator = tf.add(numerator, tf.mul(tf.mul(dOverD0, dlr), dot(g, tf.sub(p0s[i], p))));
      const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, tf.mul(d, 1 - beta1)));
      const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), tf.mul(tf.square(d), 1 - beta2)));
      const s1 = tf.add(tf.mul(sAcc, beta3), tf.mul(g, sScale));
      denominator = tf.add(denominator, tf.sum(tf.abs(s1)));
      return { m1, v1, s1 };
    });

    // A zero denominator (no gradient so far) leaves d and the weights as they are.
    const active = tf.greater(denominator, 0);
    // Where the denominator is 0, dHat is not finite, and `keep` drops what it touches.
    const dHat = tf.div(tf.mul(numerator, s.dCoef), denominator);
    const dRaised = tf.where(tf.equal(d, s.d0), tf.maximum(d, dHat), d);
    const dMax1 = tf.maximum(dMax, dHat);
    const d1 = tf.minimum(dMax1, tf.mul(dRaised, s.growthRate));
    const keep = <T extends tf.Tensor>(next: T, previous: T): T =>
      tf.where(tf.broadcastTo(active, previous.shape), next, previous) as T;

    const next = params.map((p, i) => {
      const { m1, v1 } = moved[i];
      const denom = tf.add(tf.sqrt(v1), tf.mul(d1, s.eps));
      const decayed =
        s.weightDecay !== 0 && s.decouple ? tf.sub(p, tf.mul(p, tf.mul(dlr, s.weightDecay))) : p;
      return keep(tf.sub(decayed, tf.mul(tf.div(m1, denom), dlr)), p);
    });
    return {
      params: next,
      slots: moved.map(({ m1, v1, s1 }, i) => [s1, p0s[i], m1, v1]),
      group: [
        keep(d1 as tf.Scalar, d),
        keep(dMax1 as tf.Scalar, dMax),
        keep(numerator, dNumerator),
        keep(kp1 as tf.Scalar, k),
        keep(dlr, lastLr),
      ],
    };
  },
};

export const PRODIGY_RULES = { prodigy } as const;
