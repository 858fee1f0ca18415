"""Help where the person is: F1 and the Help menu open the guideline pack's help for the current place."""
