"""Runs an exported Keras range test on a tiny model: the sweep, the stop, the repeats, the restore.

usage: keras_range_test_driver.py EXPORTED.py   (prints one JSON object)

Keras is not needed: the exported file runs against a stand-in `keras` module whose model is a
NumPy softmax regression trained by SGD with momentum, and whose `fit` calls the callbacks as
Keras does: `on_train_begin`, per epoch `on_epoch_begin`, per batch `on_train_batch_begin` and
`on_train_batch_end` with the epoch's running mean loss and accuracy in `logs` (reset each
epoch), a stop when a callback sets `model.stop_training`, and `on_train_end`. The optimizer is
built lazily, as Keras 3's is, so the callback's build-before-copy is exercised too.
"""
import importlib.util
import json
import sys
import types

import numpy as np


class Variable:
    def __init__(self, value):
        self.value = np.array(value, dtype=np.float64)

    def numpy(self):
        return self.value

    def assign(self, value):
        self.value[...] = value


class SGDMomentum:
    def __init__(self, learning_rate=0.01, momentum=0.9):
        self.learning_rate, self.momentum = learning_rate, momentum
        self.built, self.variables = False, []

    def build(self, variables):
        self.variables = [Variable(0.0)] + [Variable(np.zeros_like(v.value)) for v in variables]
        self.built = True

    def apply(self, grads, variables):
        if not self.built:
            self.build(variables)
        self.variables[0].assign(self.variables[0].value + 1)
        for slot, grad, variable in zip(self.variables[1:], grads, variables):
            slot.assign(self.momentum * slot.value + grad)
            variable.assign(variable.value - float(self.learning_rate) * slot.value)


class Model:
    """Softmax regression; records each batch's own loss, to check what the callback recovers."""

    def __init__(self, num_in, num_out, rng):
        self.trainable_variables = [
            Variable(rng.normal(0, 0.5, (num_in, num_out))),
            Variable(np.zeros(num_out)),
        ]
        self.optimizer = SGDMomentum()
        self.stop_training = False
        self.batch_losses = []

    def get_weights(self):
        return [v.value.copy() for v in self.trainable_variables]

    def set_weights(self, weights):
        for variable, value in zip(self.trainable_variables, weights):
            variable.assign(value)

    def _step(self, x, y):
        w, b = (v.value for v in self.trainable_variables)
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore"):
            loss = float(-np.log(p[np.arange(len(y)), y]).mean())
        accuracy = float((p.argmax(axis=1) == y).mean())
        d = p.copy()
        d[np.arange(len(y)), y] -= 1
        d /= len(y)
        self.optimizer.apply([x.T @ d, d.sum(axis=0)], self.trainable_variables)
        return loss, accuracy

    def fit(self, x, y, batch_size=32, epochs=1, callbacks=(), verbose=0, shuffle=True):
        for callback in callbacks:
            callback.model = self
        self.stop_training = False
        for callback in callbacks:
            callback.on_train_begin({})
        for epoch in range(epochs):
            for callback in callbacks:
                callback.on_epoch_begin(epoch, {})
            order = np.random.permutation(len(x)) if shuffle else np.arange(len(x))
            sums = {"loss": 0.0, "accuracy": 0.0}
            for batch, start in enumerate(range(0, len(x), batch_size)):
                for callback in callbacks:
                    callback.on_train_batch_begin(batch, {})
                rows = order[start:start + batch_size]
                loss, accuracy = self._step(x[rows], y[rows])
                self.batch_losses.append(loss)
                sums["loss"] += loss
                sums["accuracy"] += accuracy
                logs = {key: total / (batch + 1) for key, total in sums.items()}
                for callback in callbacks:
                    callback.on_train_batch_end(batch, logs)
                if self.stop_training:
                    break
            if self.stop_training:
                break
        for callback in callbacks:
            callback.on_train_end({})


class Callback:
    def __init__(self):
        self.model = None


keras = types.ModuleType("keras")
keras.callbacks = types.SimpleNamespace(Callback=Callback)
keras.utils = types.SimpleNamespace(set_random_seed=np.random.seed)
sys.modules["keras"] = keras

spec = importlib.util.spec_from_file_location("lr_range_test_keras", sys.argv[1])
exported = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exported)

rng = np.random.default_rng(0)
inputs = rng.normal(size=(256, 8))
# A fifth of the labels flipped: no weights fit them all, so a large LR overshoots and diverges.
targets = ((inputs[:, 0] + inputs[:, 1] > 0) ^ (rng.random(256) < 0.2)).astype(int)
model = Model(8, 2, rng)
# One real epoch first, so the optimizer has momentum and a step count to restore.
model.fit(inputs, targets, batch_size=32, epochs=1)
model.optimizer.learning_rate = 0.01
weights = model.get_weights()
optimizer_state = [v.numpy().copy() for v in model.optimizer.variables]
model.batch_losses = []

result = exported.range_test(
    model, inputs, targets, batch_size=32, start_lr=1e-4, end_lr=1000.0, num_iter=30, repeats=2,
)
recorded = [loss for run in result["runs"] for loss in run["losses"]]


def finite_or_none(value):
    """JSON has no NaN or Infinity: a non-finite float becomes null."""
    if isinstance(value, float):
        return value if np.isfinite(value) else None
    if isinstance(value, list):
        return [finite_or_none(v) for v in value]
    if isinstance(value, dict):
        return {k: finite_or_none(v) for k, v in value.items()}
    return value


print(json.dumps(finite_or_none({
    "runs": result["runs"],
    "suggestions": result["suggestions"],
    "medianLr": result["median_lr"],
    "batchLossesRecovered": bool(
        np.allclose(recorded, model.batch_losses, rtol=1e-9, atol=1e-9, equal_nan=True)
    ),
    "weightsRestored": all(np.array_equal(a, b) for a, b in zip(weights, model.get_weights())),
    "optimizerRestored": len(optimizer_state) == len(model.optimizer.variables) and all(
        np.array_equal(a, v.numpy()) for a, v in zip(optimizer_state, model.optimizer.variables)
    ),
    "lrRestored": model.optimizer.learning_rate == 0.01,
})))
