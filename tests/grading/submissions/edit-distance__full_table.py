# problem: edit-distance
# expect: verdict=accepted
# A correct O(n * m) solution in an ordinary style (the whole table, no row reuse): slower
# than the two-row reference, and the statement promises it is enough. It must pass.
def edit_distance(a, b):
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        table[i][0] = i
    for j in range(m + 1):
        table[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1]
            else:
                table[i][j] = 1 + min(table[i - 1][j], table[i][j - 1], table[i - 1][j - 1])
    return table[n][m]
