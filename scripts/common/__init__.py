"""What every stage may use, and nothing of the project: content hashes, sealed pickles and atomic writes (cache),
the crash-test seam (faults), stage timing (timing), child processes that die with the build (children).
"""
