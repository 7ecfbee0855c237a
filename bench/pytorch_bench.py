"""PyTorch's training throughput for the app's default CNN, the reference for `npm run bench`.

Same model, loss, optimizer and batch as the engine: Conv2D(16, 3x3, same) -> BN -> ReLU ->
MaxPool2 -> Conv2D(32, 3x3, same) -> BN -> ReLU -> MaxPool2 -> Flatten -> Dense(64) -> ReLU ->
Dropout(0.25) -> Dense(10), cross-entropy, SGD momentum 0.9, batch 64, random inputs in [0, 1]
(throughput does not depend on the data). Prints one JSON object:
{"torch": version, "runs": [{"threads": n, "samplesPerSec": s}, ...]}.

Usage: python3 bench/pytorch_bench.py [steps] [thread counts, comma-separated; default 1 and all cores]
"""

import json
import os
import sys
import time

import torch
from torch import nn

BATCH = 64


def model() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1),
        nn.BatchNorm2d(16),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1),
        nn.BatchNorm2d(32),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 64),
        nn.ReLU(),
        nn.Dropout(0.25),
        nn.Linear(64, 10),
    )


def samples_per_sec(threads: int, steps: int) -> float:
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = model().train()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    xs = torch.rand(BATCH, 1, 28, 28)
    ys = torch.randint(0, 10, (BATCH,))

    def step() -> float:
        optimizer.zero_grad()
        loss = loss_fn(net(xs), ys)
        loss.backward()
        optimizer.step()
        # The engine reads its loss back every step; so does this loop.
        return loss.item()

    for _ in range(5):
        step()
    # Median of five timed blocks: the machine may be shared.
    rates = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(steps):
            step()
        rates.append(steps * BATCH / (time.perf_counter() - started))
    return sorted(rates)[len(rates) // 2]


def main() -> None:
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    cores = os.cpu_count() or 1
    counts = [int(n) for n in sys.argv[2].split(",")] if len(sys.argv) > 2 else [1, cores]
    runs = [
        {"threads": n, "samplesPerSec": round(samples_per_sec(n, steps), 1)}
        for n in dict.fromkeys(counts)
    ]
    print(json.dumps({"torch": torch.__version__, "runs": runs}))


if __name__ == "__main__":
    main()
