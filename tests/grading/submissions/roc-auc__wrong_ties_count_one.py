# problem: roc-auc
# expect: verdict=wrong_answer
import math


def roc_auc(labels, scores):
    """Sorts by (score, label) and counts the negatives before each positive: at equal
    scores the negatives come first, so a tie counts as a win instead of a half."""
    if len(labels) != len(scores) or any(y not in (0, 1) for y in labels):
        raise ValueError("labels")
    if any(not math.isfinite(s) for s in scores):
        raise ValueError("scores")
    pos = sum(labels)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        raise ValueError("one class only")
    wins, negatives_seen = 0, 0
    for _, y in sorted(zip(scores, labels)):
        if y == 1:
            wins += negatives_seen
        else:
            negatives_seen += 1
    return wins / (pos * neg)
