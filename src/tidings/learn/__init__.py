"""Learned helpers that give the rule coder a second opinion.

Nothing here downloads anything: models are small files shipped under
`tidings/data/models/` (or given by path) and trained by scripts in
`scripts/` from data the project may use (see the model README).
"""
