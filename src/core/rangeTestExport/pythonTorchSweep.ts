/**
 * The range test itself for a PyTorch model, in Python: the page's sweep (pytorch-lr-finder's
 * exp/linear, reaching End LR at the last step), its stop rules (a non-finite loss, or the
 * debiased-EMA loss above the divergence factor × its best), K repeats, and the weights and
 * optimizer state restored afterwards, as the page does.
 */
export const PYTHON_TORCH_SWEEP = String.raw`
# --- The range test for your PyTorch model ---


def sweep_lr(k, start_lr=START_LR, end_lr=END_LR, num_iter=NUM_ITER, mode=MODE):
    """The LR of step k: exponential or linear from start_lr, reaching end_lr at the last step."""
    r = k / (num_iter - 1) if num_iter > 1 else 0.0
    return start_lr * (end_lr / start_lr) ** r if mode == "exp" else start_lr + r * (end_lr - start_lr)


def _batches(loader):
    while True:
        empty = True
        for batch in loader:
            empty = False
            yield batch
        if empty:
            raise ValueError("the data loader yielded no batches")


def _accuracy(outputs, targets):
    if outputs.dim() != 2 or targets.dim() != 1:
        return math.nan
    return (outputs.argmax(dim=1) == targets).float().mean().item()


def sweep_once(model, optimizer, criterion, batches, *, start_lr=START_LR, end_lr=END_LR,
               num_iter=NUM_ITER, mode=MODE, beta=SMOOTHING_BETA, diverge_factor=DIVERGE_FACTOR,
               device=None):
    """One sweep from the model's current weights; returns lrs, raw losses, accuracies, stop."""
    lrs, losses, accuracies = [], [], []
    avg, best, reason = 0.0, math.inf, "completed"
    model.train()
    for k in range(num_iter):
        lr = sweep_lr(k, start_lr, end_lr, num_iter, mode)
        for group in optimizer.param_groups:
            group["lr"] = lr
        inputs, targets = next(batches)
        if device is not None:
            inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        value = loss.item()
        lrs.append(lr)
        losses.append(value)
        accuracies.append(_accuracy(outputs.detach(), targets))
        if not math.isfinite(value):
            reason = "nonFinite"
            break
        avg = beta * avg + (1 - beta) * value
        smoothed = avg / (1 - beta ** (k + 1))
        best = min(best, smoothed)
        if smoothed > diverge_factor * best:
            reason = "diverged"
            break
    return {"lrs": lrs, "losses": losses, "accuracies": accuracies, "reason": reason}


def range_test(model, optimizer, criterion, loader, *, repeats=REPEATS, seeds=None,
               reinit=None, device=None, **sweep):
    """Runs the range test repeats times and restores the weights and optimizer state after.

    Each repeat starts from the same weights (or from reinit(model) if given) with torch seeded
    from seeds[i] (default 1, 2, ...), so the data order and dropout differ between repeats.
    Returns {"runs": [...], "suggestions": [{rule: index}, ...], "median_lr": {rule: lr}}.
    """
    weights = copy.deepcopy(model.state_dict())
    state = copy.deepcopy(optimizer.state_dict())
    seeds = list(seeds) if seeds is not None else list(range(1, repeats + 1))
    runs = []
    try:
        for i in range(repeats):
            model.load_state_dict(weights)
            optimizer.load_state_dict(state)
            torch.manual_seed(seeds[i])
            if reinit is not None:
                reinit(model)
            runs.append(sweep_once(model, optimizer, criterion, _batches(loader), device=device, **sweep))
    finally:
        model.load_state_dict(weights)
        optimizer.load_state_dict(state)
    return summarise(runs, sweep.get("num_iter", NUM_ITER))

`;
