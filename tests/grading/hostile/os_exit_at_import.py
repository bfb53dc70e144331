# problem: prune-weights
# expect: verdict=runtime_error
import os

os._exit(0)
