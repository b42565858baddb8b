"""The harness is real: the app is installed on a real site, and a served site answers REST."""

import frappe


def test_app_is_installed_on_the_test_site():
	assert "employment_partners" in frappe.get_installed_apps()
	assert frappe.db.exists("Module Def", "Employment Partners")


def test_database_is_mariadb_in_utf8mb4_unicode_ci():
	assert frappe.db.db_type == "mariadb"
	assert frappe.db.sql("select @@collation_server")[0][0] == "utf8mb4_unicode_ci"


def test_redis_cache_round_trip():
	frappe.cache.set_value("ep-smoke", {"ok": 1}, expires_in_sec=30)
	assert frappe.cache.get_value("ep-smoke") == {"ok": 1}
	frappe.cache.delete_value("ep-smoke")


def test_rest_login_and_read_app_resource(live_site, admin_password):
	anonymous = live_site.session()
	r = anonymous.get(
		f"{live_site.url}/api/resource/Employment Partners Settings/Employment Partners Settings"
	)
	assert r.status_code == 403

	admin = live_site.login("Administrator", admin_password)
	r = admin.get(f"{live_site.url}/api/resource/Employment Partners Settings/Employment Partners Settings")
	assert r.status_code == 200, r.text[:300]
	data = r.json()["data"]
	assert data["doctype"] == "Employment Partners Settings"
	assert data["stage_skip_policy"] == "Allow with written reason"
	assert float(data["living_wage_hourly"]) > 0
