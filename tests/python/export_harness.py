"""Runs LR Playground's exported PyTorch and Keras code and prints the LR per step as JSON.

Input (stdin): {"cases": [{"name", "steps", "pytorch", "keras"}]}.
Output (stdout): {"cases": [{"name", "torch": {"lr", "momentum"}, "kerasPython", "kerasTensor"}]}.

The PyTorch code runs as exported, with `model` a one-weight torch.nn.Linear. The scheduler
is stepped once per batch: lr[k] is read before optimizer.step() of step k (tests/golden).
TensorFlow is not needed: the Keras code runs against a stand-in `tensorflow` module whose
ops are NumPy's, so `lr_at` is evaluated twice: as plain Python, step by step, and through
the schedule's `__call__` on an array of all steps (tensor style: no Python branching).
"""

import json
import sys
import types
import warnings

import numpy as np
import torch


def run_pytorch(code, steps):
    namespace = {"model": torch.nn.Linear(1, 1)}
    exec(code, namespace)
    optimizer = namespace["optimizer"]
    scheduler = namespace.get("scheduler")
    lrs, momentums = [], []
    for _ in range(steps):
        group = optimizer.param_groups[0]
        lrs.append(group["lr"])
        momentums.append(group["betas"][0] if "betas" in group else group.get("momentum"))
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
    return {"lr": lrs, "momentum": momentums}


class _KerasOptimizers(types.SimpleNamespace):
    """tf.keras.optimizers: `schedules`, and any optimizer, which records its arguments."""

    def __getattr__(self, name):
        return lambda **kwargs: {"optimizer": name, **kwargs}


def fake_tensorflow():
    """The TensorFlow API the Keras export may use, with NumPy standing in for tensors."""
    return types.SimpleNamespace(
        math=types.SimpleNamespace(
            floor=np.floor,
            cos=np.cos,
            log=np.log,
            sqrt=np.sqrt,
            minimum=np.minimum,
            maximum=np.maximum,
        ),
        where=np.where,
        cast=lambda value, dtype: np.asarray(value, dtype=dtype),
        float32=np.float32,
        float64=np.float64,
        keras=types.SimpleNamespace(
            optimizers=_KerasOptimizers(
                schedules=types.SimpleNamespace(LearningRateSchedule=object)
            )
        ),
    )


def run_keras(code, steps):
    namespace = {}
    exec(code, namespace)
    learning_rate = namespace["optimizer"]["learning_rate"]
    if not callable(learning_rate):
        return {"python": [learning_rate] * steps, "tensor": [learning_rate] * steps}
    lr_at = namespace["lr_at"]
    tensor = learning_rate(np.arange(steps, dtype=np.int64))
    return {
        "python": [float(lr_at(k)) for k in range(steps)],
        "tensor": np.broadcast_to(tensor, (steps,)).astype(float).tolist(),
    }


def main():
    warnings.simplefilter("ignore")
    sys.modules["tensorflow"] = fake_tensorflow()
    results = []
    for case in json.load(sys.stdin)["cases"]:
        keras = run_keras(case["keras"], case["steps"])
        results.append(
            {
                "name": case["name"],
                "torch": run_pytorch(case["pytorch"], case["steps"]),
                "kerasPython": keras["python"],
                "kerasTensor": keras["tensor"],
            }
        )
    json.dump({"cases": results}, sys.stdout)


if __name__ == "__main__":
    main()
