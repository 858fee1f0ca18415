"""Demo mode's windows (i18n area "demo"): banner, training-case picker, feedback, municipality view."""
