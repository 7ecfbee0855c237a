/**
 * The suggestion rules of `src/core/suggest.ts` in Python, for the exported range test: the
 * same pipelines (smoothing, divergence cut, trimming) and the same index arithmetic, so the
 * script picks the same points as the page on the same curve. Plain Python, no numpy needed.
 */
export const PYTHON_SUGGESTIONS = String.raw`
# --- Suggestions: the same rules as LR Playground's core (fastai and pytorch-lr-finder) ---

FASTAI = {"beta": 0.98, "factor": 4.0}  # fastai Learner.lr_find: debiased EMA, stop at 4x best
LR_FINDER = {"smooth_f": 0.05, "factor": 5.0}  # pytorch-lr-finder: smooth_f on the new loss, 5x
RULES = ("steep", "valley", "minimum", "slide", "steepestGradient")


def smooth_debiased_ema(losses, beta):
    """fastai's smoothing: EMA with beta, divided by (1 - beta^(k+1))."""
    out, avg, debias = [], 0.0, 1.0
    for loss in losses:
        avg = beta * avg + (1 - beta) * loss
        debias *= beta
        out.append(avg / (1 - debias))
    return out


def smooth_lr_finder(losses, smooth_f):
    """pytorch-lr-finder's smoothing: smooth_f weights the new loss; no bias correction."""
    out = []
    for k, loss in enumerate(losses):
        out.append(loss if k == 0 else smooth_f * loss + (1 - smooth_f) * out[-1])
    return out


def divergence_stop(smoothed, factor):
    """The last index recorded before the smoothed loss passes factor x its best, or None."""
    best = math.inf
    for k, value in enumerate(smoothed):
        best = min(best, value)
        if value > factor * best:
            return k
    return None


def np_gradient(values):
    """numpy.gradient with unit spacing: halved central differences, one-sided at the ends."""
    n = len(values)
    if n < 2:
        return [0.0] * n
    return [
        values[1] - values[0] if i == 0
        else values[n - 1] - values[n - 2] if i == n - 1
        else (values[i + 1] - values[i - 1]) / 2
        for i in range(n)
    ]


def argmin(values):
    best = 0
    for i in range(1, len(values)):
        if values[i] < values[best]:
            best = i
    return best


def steep_index(lrs, losses):
    slopes = [
        (losses[i + 1] - losses[i]) / (math.log(lrs[i + 1]) - math.log(lrs[i]))
        for i in range(len(losses) - 1)
    ]
    return argmin(slopes)


def valley_index(losses):
    n = len(losses)
    lds = [1] * n
    max_end = 0
    for i in range(1, n):
        for j in range(i):
            if losses[i] < losses[j] and lds[i] < lds[j] + 1:
                lds[i] = lds[j] + 1
        if lds[i] > lds[max_end]:
            max_end = i
    max_start = max_end - lds[max_end]
    sections = (max_end - max_start) / 3
    idx = max_start + int(sections) + int(sections / 2)
    return idx + n if idx < 0 else idx


def slide_index(losses):
    g = np_gradient(losses)
    n = len(losses)
    r, l = n - 1, n - 16
    pick = l
    while l >= 0 and abs(g[r] - g[l]) > 0.005:
        pick = l
        r -= 1
        l -= 1
    return pick + n if pick < 0 else pick


def suggestion_index(lrs, raw_losses, rule, num_it):
    """Index (into lrs) of one rule's pick, or None when the curve is too short for it."""
    if rule == "steepestGradient":
        smoothed = smooth_lr_finder(raw_losses, LR_FINDER["smooth_f"])
        stop, start = divergence_stop(smoothed, LR_FINDER["factor"]), 10
    else:
        smoothed = smooth_debiased_ema(raw_losses, FASTAI["beta"])
        stop, start = divergence_stop(smoothed, FASTAI["factor"]), num_it // 10
    end = (len(smoothed) if stop is None else stop + 1) - 5
    if end - start < 2:
        return None
    lr_window, loss_window = lrs[start:end], smoothed[start:end]
    if rule == "minimum":
        return start + argmin(loss_window)
    if rule == "steep":
        return start + steep_index(lr_window, loss_window)
    if rule == "valley":
        return start + valley_index(loss_window)
    if rule == "slide":
        return None if len(loss_window) < 16 else start + slide_index(loss_window)
    return start + argmin(np_gradient(loss_window))


def smooth_accuracy(values, half_window=4):
    """Smith's accuracy curve: a centred moving average (fewer points at the ends)."""
    out = []
    for i in range(len(values)):
        lo, hi = max(0, i - half_window), min(len(values) - 1, i + half_window)
        out.append(sum(values[lo:hi + 1]) / (hi - lo + 1))
    return out


def accuracy_knee_index(accuracies, min_rise=0.02):
    """Smith (2017): where the smoothed accuracy stops rising; None without a clear knee."""
    if len(accuracies) < 2:
        return None
    smoothed = smooth_accuracy(accuracies)
    top = 0
    for i in range(1, len(smoothed)):
        if smoothed[i] > smoothed[top]:
            top = i
    if smoothed[top] - min(smoothed[:top + 1]) < min_rise or top == len(accuracies) - 1:
        return None
    return top


def suggestions(lrs, raw_losses, num_it, accuracies=None):
    """Every rule's index on the finite part of the curve, as the page computes them."""
    finite = next((k for k, loss in enumerate(raw_losses) if not math.isfinite(loss)), len(raw_losses))
    lrs, raw_losses = list(lrs[:finite]), list(raw_losses[:finite])
    picks = {rule: suggestion_index(lrs, raw_losses, rule, num_it) for rule in RULES}
    if accuracies is not None:
        picks["accuracyKnee"] = accuracy_knee_index(list(accuracies[: len(lrs)]))
    return {rule: index for rule, index in picks.items() if index is not None}


def summarise(runs, num_it):
    """Each run's picks, and each rule's median LR over the runs (the page's headline)."""
    picks = [suggestions(run["lrs"], run["losses"], num_it, run["accuracies"]) for run in runs]
    median_lr = {}
    for rule in RULES + ("accuracyKnee",):
        lrs = sorted(run["lrs"][p[rule]] for run, p in zip(runs, picks) if rule in p)
        if lrs:
            median_lr[rule] = (lrs[(len(lrs) - 1) // 2] * lrs[len(lrs) // 2]) ** 0.5
    if "minimum" in median_lr:
        median_lr["minimum"] /= 10  # fastai's minimum suggests a tenth of the lowest loss's LR
    return {"runs": runs, "suggestions": picks, "median_lr": median_lr}


def replay(path):
    """Prints each case's picks, {caseName: {rule: index}}, for curves in the golden format."""
    with open(path) as file:
        cases = json.load(file)["cases"]
    print(json.dumps({
        case["name"]: suggestions(case["lrs"], case["losses"], case["numIt"], case.get("batchAccuracy"))
        for case in cases
    }))
`;
