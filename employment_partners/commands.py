"""Bench commands of the app: `bench --site S employment-partners make-demo`."""

import time

import click
from frappe.commands import get_site, pass_context


@click.group("employment-partners")
def employment_partners():
	"""Employment Partners: demo data."""


@employment_partners.command("make-demo")
@click.option("--employers", default=60, show_default=True, help="employers in the pipeline")
@click.option("--participants", default=600, show_default=True, help="participants enrolled")
@click.option("--placements", type=int, default=None, help="placements (default: 3 for every 4 participants)")
@click.option("--years", default=2, show_default=True, help="years of history, ending today")
@click.option("--seed", default=15, show_default=True, help="the same seed makes the same agency")
@click.option("--locale", default="en_US", show_default=True, help="Faker locale for names and places")
@click.option("--today", default=None, help="the last day of the history (default: today), YYYY-MM-DD")
@click.option(
	"--scheduler-lag-days",
	default=0,
	show_default=True,
	help="leave the daily job's last N days undone (reminders, escalations, missed marks)",
)
@pass_context
def make_demo(context, employers, participants, placements, years, seed, locale, today, scheduler_lag_days):
	"""Generate a believable agency into the site: employers and their pipeline history,
	participants, placements, follow-ups and the rest. Once per site."""
	import frappe

	from employment_partners.demo_data import agency

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		started = time.monotonic()
		try:
			config = agency.Config(
				employers=employers, participants=participants, placements=placements, years=years,
				seed=seed, locale=locale, today=today, scheduler_lag_days=scheduler_lag_days,
			)  # fmt: skip
		except frappe.ValidationError as refused:
			raise click.ClickException(str(refused)) from None
		counts = agency.make(config)
		if counts is None:
			click.echo(f"{site}: the generated agency is there already (made once per site)")
			return
		click.echo(f"{site}: generated in {time.monotonic() - started:.0f} s")
		for doctype, count in sorted(counts.items()):
			click.echo(f"  {doctype}: {count:,}")
		click.echo(
			f"staff logins (password {agency.PASSWORD}): {agency.DIRECTOR} and the generated reps and case managers"
		)
	finally:
		frappe.destroy()


commands = [employment_partners]
