"""How long `import customers` and `import orders` take for 100,000 customers and 300,000 orders.

    .venv/bin/python bench/import_customers.py [--customers 100000] [--orders 300000] [--keep DIR]

The files are Shopify-shaped exports written from the demo shop (`engine.demo`): the customers
export with its real header, and the orders export (one row per order). The demo makes about
2.7 orders a customer; the orders are topped up to `--orders` with repeat purchases of the
same customers. Generating the files is not timed; each import is timed from the command's
point of view (read, check, write, commit) into a fresh database, then both again into the
same database (every row an update). Before each import it waits for an idle machine
(`--wait-idle`) and prints the import's wall and CPU time beside the load average. Without
`--keep` the files and the database (hundreds of MB at the default size) are written to a
temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from machine_info import add_idle_option, before_run, header, measured  # noqa: E402 - bench/ on the path

from engine import demo  # noqa: E402
from storage.database import open_database  # noqa: E402
from storage.importers import import_file  # noqa: E402

CUSTOMER_HEADER = ["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
                   "Default Address Company", "Default Address Address1", "Default Address Address2",
                   "Default Address City", "Default Address Province Code", "Default Address Country Code",
                   "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
                   "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags"]
ORDER_HEADER = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Currency", "Subtotal",
                "Shipping", "Taxes", "Total", "Discount Code", "Created at", "Lineitem quantity",
                "Lineitem name", "Lineitem price", "Lineitem sku", "Billing City", "Billing Country"]


def _shopify_time(iso: str) -> str:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")) + timedelta(hours=1)
    return moment.strftime("%Y-%m-%d %H:%M:%S +0100")


def write_files(folder: Path, n: int, n_orders: int) -> tuple[Path, Path, int]:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    customers_path, orders_path = folder / "customers_export.csv", folder / "orders_export.csv"
    rng = random.Random(7)
    written = 0
    extra_needed = 0
    with customers_path.open("w", newline="", encoding="utf-8") as cf, \
            orders_path.open("w", newline="", encoding="utf-8") as of:
        cw, ow = csv.writer(cf), csv.writer(of)
        cw.writerow(CUSTOMER_HEADER)
        ow.writerow(ORDER_HEADER)
        pool: list[tuple[str, str, str, str, str]] = []
        for profile in demo.generate_profile_dicts(n, 1, now, future_days=0):
            c = profile["customer"]
            consent = c.get("consent", {})
            spent = sum(o["total"] for o in profile["orders"])
            cw.writerow([f"'{c['id']}", c.get("first_name", ""), c.get("last_name", ""), c.get("email", ""),
                         "yes" if consent.get("email") else "no", "", "", "", c.get("city", ""),
                         c.get("region", ""), c.get("country", ""), c.get("postal_code", ""), "",
                         c.get("phone", ""), "yes" if consent.get("sms") else "no", f"{spent:.2f}",
                         len(profile["orders"]), "", "no", ", ".join(c.get("tags", []))])
            for o in profile["orders"]:
                item = (o.get("items") or [{}])[0]
                ow.writerow([f"#{o['id']}", c["email"], "paid", _shopify_time(o["placed_at"]), "fulfilled",
                             o["currency"], f"{o['total']:.2f}", "0.00", "0.00", f"{o['total']:.2f}", "",
                             _shopify_time(o["placed_at"]), item.get("quantity", 1), item.get("name", ""),
                             item.get("price", ""), item.get("sku", ""), c.get("city", ""), c.get("country", "")])
                written += 1
            if profile["orders"]:
                o = profile["orders"][-1]
                pool.append((c["email"], o["currency"], o["placed_at"], c.get("city", ""), c.get("country", "")))
        extra_needed = max(0, n_orders - written)
        for i in range(extra_needed):
            email, currency, placed, city, country = pool[rng.randrange(len(pool))]
            moment = datetime.fromisoformat(placed.replace("Z", "+00:00")) - timedelta(days=rng.randrange(30, 700))
            total = round(rng.uniform(15, 250), 2)
            ow.writerow([f"#R{i + 1}", email, "paid", "", "fulfilled", currency, f"{total:.2f}", "0.00",
                         "0.00", f"{total:.2f}", "", moment.strftime("%Y-%m-%d %H:%M:%S +0000"), 1,
                         "Wollsocken", "19.90", "NL-WS-01", city, country])
            written += 1
    return customers_path, orders_path, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--keep", metavar="DIR", help="write the files and database here and keep them")
    add_idle_option(parser)
    args = parser.parse_args(argv)
    header()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jb-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path) -> int:
    started, started_cpu = time.perf_counter(), time.process_time()
    customers_csv, orders_csv, n_orders = write_files(folder, args.customers, args.orders)
    print(f"files: {args.customers:,} customers ({customers_csv.stat().st_size / 1e6:.1f} MB), "
          f"{n_orders:,} orders ({orders_csv.stat().st_size / 1e6:.1f} MB), written in "
          f"{time.perf_counter() - started:.1f} s wall, {time.process_time() - started_cpu:.1f} s CPU (not timed)")
    db_path = folder / "shop.sqlite"
    db_path.unlink(missing_ok=True)
    db = open_database(db_path)
    timings = []
    try:
        for label in ("fresh", "again"):
            for kind, path in (("customers", customers_csv), ("orders", orders_csv)):
                note = before_run(args.wait_idle)
                with measured() as took:
                    result = import_file(db, kind, path)
                if not result.ok:
                    print(f"FAILED {kind}: {result.summary()}; first: {result.errors[:3]}")
                    return 1
                timings.append((label, kind, took.wall, took.cpu))
                print(f"{label:6} {kind:9} {took.wall:6.1f} s wall, {took.cpu:6.1f} s CPU  {result.summary()} "
                      f"[{result.format_name}] [{note}]", flush=True)
        fresh = sum(t for label, _, t, _ in timings if label == "fresh")
        fresh_cpu = sum(c for label, _, _, c in timings if label == "fresh")
        again = sum(t for label, _, t, _ in timings if label == "again")
        again_cpu = sum(c for label, _, _, c in timings if label == "again")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"total: {fresh:.1f} s wall, {fresh_cpu:.1f} s CPU into an empty database; {again:.1f} s wall, "
              f"{again_cpu:.1f} s CPU again (updates); peak memory {peak:.0f} MB; "
              f"database {db_path.stat().st_size / 1e6:.0f} MB")
    finally:
        db.close()
    return 0 if fresh < 30 else 1


if __name__ == "__main__":
    raise SystemExit(main())
