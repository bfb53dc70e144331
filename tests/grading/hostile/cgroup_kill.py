# problem: prune-weights
# expect: verdict=accepted
# needs: cgroup
# A cgroup delegated to the sandbox's user, with another of that user's processes in it:
# writing cgroup.kill there would kill the bystander (and cgroup.procs could move processes).
import os

import torch

GROUP = '{{CGROUP}}'


def prune_weights(weights, threshold):
    reached = []
    for name, value in (('cgroup.kill', '1'), ('cgroup.procs', str(os.getpid()))):
        try:
            with open(os.path.join(GROUP, name), 'w') as f:
                f.write(value)
            reached.append('wrote ' + name)
        except OSError:
            pass
    try:
        os.mkdir(os.path.join(GROUP, 'child'))
        reached.append('made a cgroup')
    except OSError:
        pass
    if os.listdir('/sys'):
        reached.append('/sys is visible: ' + ', '.join(sorted(os.listdir('/sys'))[:5]))
    if reached:
        raise RuntimeError('ESCAPED: ' + '; '.join(reached))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
