"""The retention early warning: who is likely to lose their job in the next 30 days, and why."""
