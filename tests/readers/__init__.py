"""Tests of the readers (a package, so that test modules of one name may live in both)."""
