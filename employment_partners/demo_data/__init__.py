"""Demo data at any scale: `bench --site S employment-partners make-demo` (commands.py) makes a
believable agency with agency.py, written in bulk by writer.py."""
