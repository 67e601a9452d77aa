"""Acuplan: acupressure-mat routines, a guided player and a journal, offline first."""
