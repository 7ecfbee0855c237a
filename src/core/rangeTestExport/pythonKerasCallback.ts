/**
 * The range test as a Keras callback, in Python: the same sweep, stop rules, K repeats and
 * restore as the PyTorch version, driven by `model.fit`. Keras reports the epoch's running mean
 * loss and accuracy to batch callbacks, so the callback recovers each batch's own values from
 * consecutive means (exact for equal batch sizes; make the dataset's length a multiple of the
 * batch size).
 */
export const PYTHON_KERAS_CALLBACK = String.raw`
# --- The range test for your Keras model: a callback for model.fit, and K repeats of it ---


def sweep_lr(k, start_lr=START_LR, end_lr=END_LR, num_iter=NUM_ITER, mode=MODE):
    """The LR of step k: exponential or linear from start_lr, reaching end_lr at the last step."""
    r = k / (num_iter - 1) if num_iter > 1 else 0.0
    return start_lr * (end_lr / start_lr) ** r if mode == "exp" else start_lr + r * (end_lr - start_lr)


try:
    import keras

    _Callback = keras.callbacks.Callback
except ImportError:  # replay mode needs no Keras
    keras, _Callback = None, object

SWEEP_KEYS = ("start_lr", "end_lr", "num_iter", "mode", "beta", "diverge_factor")


def _optimizer_state(model):
    """The optimizer's LR and a copy of its variables (built first, so there is a state to keep)."""
    optimizer = model.optimizer
    if not getattr(optimizer, "built", True):
        optimizer.build(model.trainable_variables)
    lr = optimizer.learning_rate
    lr = float(lr.numpy() if hasattr(lr, "numpy") else lr)
    return lr, [v.numpy().copy() for v in optimizer.variables]


def _restore(model, weights, optimizer_state):
    lr, variables = optimizer_state
    model.set_weights(weights)
    for variable, value in zip(model.optimizer.variables, variables):
        variable.assign(value)
    model.optimizer.learning_rate = lr


class LRRangeTest(_Callback):
    """model.fit(..., epochs=enough, callbacks=[LRRangeTest()]); then .suggestions().

    One sweep: the LR per batch, a stop on a non-finite loss or when the debiased-EMA loss passes
    diverge_factor x its best (or after num_iter batches), and the weights, the optimizer's
    variables and its LR restored when training ends. range_test() below repeats it with other seeds.
    """

    def __init__(self, start_lr=START_LR, end_lr=END_LR, num_iter=NUM_ITER, mode=MODE,
                 beta=SMOOTHING_BETA, diverge_factor=DIVERGE_FACTOR):
        super().__init__()
        self.sweep = dict(start_lr=start_lr, end_lr=end_lr, num_iter=num_iter, mode=mode)
        self.beta, self.diverge_factor = beta, diverge_factor
        self.lrs, self.losses, self.accuracies = [], [], []
        self.reason = "completed"

    def on_train_begin(self, logs=None):
        self._optimizer = _optimizer_state(self.model)
        self._weights = self.model.get_weights()
        self._avg, self._best = 0.0, math.inf

    def on_epoch_begin(self, epoch, logs=None):
        self._batch_in_epoch, self._previous = 0, {}

    def on_train_batch_begin(self, batch, logs=None):
        self.model.optimizer.learning_rate = sweep_lr(len(self.lrs), **self.sweep)

    def _batch_value(self, logs, key):
        """This batch's own value of a running-mean metric (n+1 batches' mean less n batches')."""
        if key not in logs:
            return math.nan
        n, mean = self._batch_in_epoch, float(logs[key])
        value = (n + 1) * mean - n * self._previous.get(key, 0.0)
        self._previous[key] = mean
        return value

    def on_train_batch_end(self, batch, logs=None):
        value = self._batch_value(logs, "loss")
        accuracy = self._batch_value(logs, "accuracy")
        self._batch_in_epoch += 1
        k = len(self.lrs)
        self.lrs.append(sweep_lr(k, **self.sweep))
        self.losses.append(value)
        self.accuracies.append(accuracy)
        if not math.isfinite(value):
            self.reason, self.model.stop_training = "nonFinite", True
            return
        self._avg = self.beta * self._avg + (1 - self.beta) * value
        smoothed = self._avg / (1 - self.beta ** (k + 1))
        self._best = min(self._best, smoothed)
        if smoothed > self.diverge_factor * self._best:
            self.reason, self.model.stop_training = "diverged", True
        elif k + 1 >= self.sweep["num_iter"]:
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        _restore(self.model, self._weights, self._optimizer)

    def run(self):
        """This sweep as range_test() reports it."""
        return {"lrs": self.lrs, "losses": self.losses, "accuracies": self.accuracies,
                "reason": self.reason}

    def suggestions(self):
        """{rule: index into self.lrs}; the accuracy knee needs metrics=["accuracy"]."""
        accuracies = None if all(math.isnan(a) for a in self.accuracies) else self.accuracies
        return suggestions(self.lrs, self.losses, self.sweep["num_iter"], accuracies)


def range_test(model, x, y=None, *, repeats=REPEATS, seeds=None, reinit=None, **kwargs):
    """Runs the range test repeats times with model.fit and restores the weights and optimizer after.

    Each repeat starts from the same weights (or from reinit(model) if given) with Keras seeded
    from seeds[i] (default 1, 2, ...), so the data order and dropout differ between repeats. The
    sweep's keywords (start_lr, end_lr, num_iter, mode, beta, diverge_factor) go to LRRangeTest,
    the rest to model.fit (batch_size=...; keep shuffle on). Returns what the PyTorch version does:
    {"runs": [...], "suggestions": [{rule: index}, ...], "median_lr": {rule: lr}}.
    """
    sweep = {key: kwargs.pop(key) for key in SWEEP_KEYS if key in kwargs}
    kwargs.setdefault("epochs", 1_000_000)  # the callback stops the fit after num_iter batches
    kwargs.setdefault("verbose", 0)
    state = _optimizer_state(model)
    weights = model.get_weights()
    seeds = list(seeds) if seeds is not None else list(range(1, repeats + 1))
    runs = []
    try:
        for i in range(repeats):
            _restore(model, weights, state)
            keras.utils.set_random_seed(seeds[i])
            if reinit is not None:
                reinit(model)
            finder = LRRangeTest(**sweep)
            model.fit(x, y, callbacks=[finder], **kwargs)
            runs.append(finder.run())
    finally:
        _restore(model, weights, state)
    return summarise(runs, sweep.get("num_iter", NUM_ITER))

`;
