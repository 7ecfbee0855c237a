/**
 * The range test as a Keras callback, in Python: the same sweep, stop rules and restore as the
 * PyTorch version, driven by `model.fit`. Keras reports the epoch's running mean loss to batch
 * callbacks, so the callback recovers each batch's own loss from consecutive means (exact for
 * equal batch sizes; make the dataset's length a multiple of the batch size).
 */
export const PYTHON_KERAS_CALLBACK = String.raw`
# --- The range test for your Keras model: a callback for model.fit ---


def sweep_lr(k, start_lr=START_LR, end_lr=END_LR, num_iter=NUM_ITER, mode=MODE):
    """The LR of step k: exponential or linear from start_lr, reaching end_lr at the last step."""
    r = k / (num_iter - 1) if num_iter > 1 else 0.0
    return start_lr * (end_lr / start_lr) ** r if mode == "exp" else start_lr + r * (end_lr - start_lr)


try:
    import keras

    _Callback = keras.callbacks.Callback
except ImportError:  # replay mode needs no Keras
    keras, _Callback = None, object


class LRRangeTest(_Callback):
    """model.fit(..., epochs=enough, callbacks=[LRRangeTest()]); then .suggestions().

    Sweeps the LR per batch, stops on a non-finite loss or when the debiased-EMA loss passes
    diverge_factor x its best (or after num_iter batches), and restores the weights and the
    optimizer's variables when training ends.
    """

    def __init__(self, start_lr=START_LR, end_lr=END_LR, num_iter=NUM_ITER, mode=MODE,
                 beta=SMOOTHING_BETA, diverge_factor=DIVERGE_FACTOR):
        super().__init__()
        self.sweep = dict(start_lr=start_lr, end_lr=end_lr, num_iter=num_iter, mode=mode)
        self.beta, self.diverge_factor = beta, diverge_factor
        self.lrs, self.losses, self.accuracies = [], [], []
        self.reason = "completed"

    def on_train_begin(self, logs=None):
        self._weights = self.model.get_weights()
        self._optimizer = [v.numpy() for v in self.model.optimizer.variables]
        self._avg, self._best, self._previous_mean = 0.0, math.inf, 0.0

    def on_epoch_begin(self, epoch, logs=None):
        self._batch_in_epoch = 0

    def on_train_batch_begin(self, batch, logs=None):
        self.model.optimizer.learning_rate = sweep_lr(len(self.lrs), **self.sweep)

    def on_train_batch_end(self, batch, logs=None):
        n = self._batch_in_epoch
        mean = float(logs["loss"])
        value = (n + 1) * mean - n * self._previous_mean
        self._previous_mean, self._batch_in_epoch = mean, n + 1
        k = len(self.lrs)
        self.lrs.append(sweep_lr(k, **self.sweep))
        self.losses.append(value)
        self.accuracies.append(float(logs["accuracy"]) if "accuracy" in logs else math.nan)
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
        self.model.set_weights(self._weights)
        for variable, value in zip(self.model.optimizer.variables, self._optimizer):
            variable.assign(value)

    def suggestions(self):
        """{rule: index into self.lrs}; the accuracy knee needs metrics=["accuracy"]."""
        accuracies = None if all(math.isnan(a) for a in self.accuracies) else self.accuracies
        return suggestions(self.lrs, self.losses, self.sweep["num_iter"], accuracies)

`;
