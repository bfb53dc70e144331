# problem: prune-weights
# expect: verdict=runtime_error
# What a submission prints or raises may hold escape sequences (clear the screen, move the
# cursor, set the title, fake a verdict): they must come back shown, never raw. The test
# checks every message and output for control characters.
import sys

import torch


def prune_weights(weights, threshold):
    print('\x1b[2J\x1b[H\x1b]0;owned\x07\x1b[32m✓ Accepted\x1b[0m\r\x1b[K')
    sys.stderr.write('\x9b2J\x1bc\u202egnp.exe\n')
    raise RuntimeError('\x1b[2J\x1b[1;1H all tests passed \x1b[8m')
