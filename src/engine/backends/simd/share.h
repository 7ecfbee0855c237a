// Every exported function takes (part, parts) last and does only its share of the work, so
// that threads can run the same call side by side on one memory (simdPool.ts); (0, 1) does it
// all. Shares are whole units (images, channel quads, taps) and never overlap in what they write.
#ifndef SHARE_H
#define SHARE_H

typedef struct {
  int from, to;
} Range;

// Units [from, to) of `units` for part `part` of `parts`, as even as whole units allow.
static inline Range share(int units, int part, int parts) {
  Range r = {(int)((long long)units * part / parts), (int)((long long)units * (part + 1) / parts)};
  return r;
}

#endif
