"""Runs an exported range test on a tiny torch model: the sweep, the stop and the restore.

usage: range_test_driver.py EXPORTED.py   (prints one JSON object)
"""
import importlib.util
import json
import sys

import torch

spec = importlib.util.spec_from_file_location("lr_range_test", sys.argv[1])
exported = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exported)

torch.manual_seed(0)
inputs = torch.randn(256, 8)
targets = (inputs[:, 0] + inputs[:, 1] > 0).long()
loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(inputs, targets), batch_size=32, shuffle=True
)
model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
# One real step first, so the optimizer has momentum buffers to restore.
optimizer.zero_grad()
torch.nn.functional.cross_entropy(model(inputs), targets).backward()
optimizer.step()

weights = {k: v.clone() for k, v in model.state_dict().items()}
momentum = {id(p): optimizer.state[p]["momentum_buffer"].clone() for p in model.parameters()}

result = exported.range_test(
    model, optimizer, torch.nn.CrossEntropyLoss(), loader,
    start_lr=1e-4, end_lr=100.0, num_iter=30, repeats=2,
)
print(json.dumps({
    "runs": [
        {"lrs": run["lrs"], "losses": run["losses"], "reason": run["reason"],
         "accuracies": run["accuracies"]}
        for run in result["runs"]
    ],
    "suggestions": result["suggestions"],
    "medianLr": result["median_lr"],
    "weightsRestored": all(torch.equal(weights[k], v) for k, v in model.state_dict().items()),
    "momentumRestored": all(
        torch.equal(momentum[id(p)], optimizer.state[p]["momentum_buffer"])
        for p in model.parameters()
    ),
    "lrRestored": all(group["lr"] == 0.01 for group in optimizer.param_groups),
}))
