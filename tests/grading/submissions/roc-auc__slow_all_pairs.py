# problem: roc-auc
# expect: verdict=too_slow complexity=bad
import math


def roc_auc(labels, scores):
    """Right answers by comparing every positive with every negative: O(P N)."""
    if len(labels) != len(scores) or any(y not in (0, 1) for y in labels):
        raise ValueError("labels")
    if any(not math.isfinite(s) for s in scores):
        raise ValueError("scores")
    pos = [s for s, y in zip(scores, labels) if y == 1]
    neg = [s for s, y in zip(scores, labels) if y == 0]
    if not pos or not neg:
        raise ValueError("one class only")
    total = 0.0
    for p in pos:
        for n in neg:
            if p > n:
                total += 1.0
            elif p == n:
                total += 0.5
    return total / (len(pos) * len(neg))
