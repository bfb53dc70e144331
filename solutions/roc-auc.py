import math


def roc_auc(labels: list[int], scores: list[float]) -> float:
    if len(labels) != len(scores):
        raise ValueError(f"{len(labels)} labels but {len(scores)} scores")
    if any(label not in (0, 1) for label in labels):
        raise ValueError("labels must be 0 or 1")
    if not all(math.isfinite(s) for s in scores):
        raise ValueError("scores must be finite")
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need at least one positive and one negative")
    order = sorted(range(len(scores)), key=scores.__getitem__)
    # Mann-Whitney: the positives' rank sum, each group of equal scores sharing its mean rank.
    rank_sum, i = 0.0, 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        mean_rank = (i + 1 + j) / 2  # ranks i+1 .. j, 1-based
        rank_sum += mean_rank * sum(labels[order[t]] for t in range(i, j))
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
