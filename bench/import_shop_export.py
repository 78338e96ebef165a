"""How long importing a Shopify store's exports takes: 100,000 customers and 300,000 orders.

    .venv/bin/python bench/import_shop_export.py [--customers 100000] [--orders 300000] [--keep DIR]
                                                 [--code DIR]

The files are written as Shopify's admin writes them (not timed): the customers export with
its 2023 header, ids, zip codes and phones guarded by a leading apostrophe, yes/no columns;
the orders export with one row per line item (a third of the orders have two or three items,
so 300,000 orders are about 420,000 rows), Shopify's "+0100" times, and 3 % of the orders
refunded, voided or cancelled. Each file is then imported into a fresh database through
`storage.importers.import_file`, as `journey-builder import` and the wizard do, and timed.

`--code DIR` imports that checkout of the project instead of this one, so the same files can
be timed with an older importer (docs/performance.md, "Importing shop exports").
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine_info import add_idle_option, before_run, header  # noqa: E402 - bench/ on the path

CUSTOMER_HEADER = ["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
                   "Default Address Company", "Default Address Address1", "Default Address Address2",
                   "Default Address City", "Default Address Province Code", "Default Address Country Code",
                   "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
                   "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags"]
ORDER_HEADER = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
                "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
                "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name",
                "Lineitem price", "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping",
                "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing City", "Billing Zip",
                "Billing Country", "Billing Phone", "Cancelled at", "Payment Method", "Refunded Amount", "Id",
                "Tags", "Source"]
FIRST = ["Anna", "Jonas", "Lea", "Lukas", "Marie", "Paul", "Sofia", "Elias", "Emma", "Noah", "Lucía", "Hugo",
         "Olga", "Ivan", "Chloé", "Jules", "Ana", "Mateo", "Greta", "Finn"]
LAST = ["Schmidt", "Müller", "García", "López", "Ivanova", "Petrov", "Martin", "Bernard", "Weber", "Wagner",
        "Fernández", "Rossi", "Novak", "Berg", "Lindqvist", "Dubois"]
# city, province code, country, and a mobile number's prefix and digits after it
CITIES = [("Hamburg", "HH", "DE", "+49151", 8), ("München", "BY", "DE", "+49160", 8), ("Madrid", "M", "ES", "+346", 8),
          ("Wien", "9", "AT", "+43664", 7), ("Lyon", "ARA", "FR", "+336", 8), ("Zürich", "ZH", "CH", "+4179", 7)]
PRODUCTS = [("Regenjacke Nordsee", "NL-RJ-01", 99.9), ("Wollmütze", "NL-WM-02", 29.9),
            ("Wollsocken", "NL-WS-01", 19.9), ("Fleecepulli", "NL-FP-03", 69.0), ("Thermobecher", "NL-TB-04", 24.5)]


def _time(moment: datetime) -> str:
    return (moment + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S +0100")


def write_files(folder: Path, n: int, n_orders: int) -> tuple[Path, Path, int]:
    """The two exports; returns their paths and the orders file's row count."""
    rng = random.Random(14)
    customers_path, orders_path = folder / "customers_export.csv", folder / "orders_export.csv"
    start = datetime(2023, 1, 1, tzinfo=UTC)
    rows = 0
    with customers_path.open("w", newline="", encoding="utf-8") as cf, \
            orders_path.open("w", newline="", encoding="utf-8") as of:
        cw, ow = csv.writer(cf), csv.writer(of)
        cw.writerow(CUSTOMER_HEADER)
        ow.writerow(ORDER_HEADER)
        people = []
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            city, region, country, prefix, digits = rng.choice(CITIES)
            email = f"{first.lower()}.{last.lower()}.{i}@example.org".replace("ü", "ue").replace("í", "i").replace(
                "é", "e")
            phone = f"'{prefix}{rng.randrange(10 ** (digits - 1), 10 ** digits)}" if rng.random() < 0.6 else ""
            people.append((email, first, last, city, country, phone))
            cw.writerow([f"'{7_000_000_000_000 + i}", first, last, email, "yes" if rng.random() < 0.55 else "no", "",
                         f"Hauptstraße {rng.randrange(1, 200)}", "", city, region, country,
                         f"'{rng.randrange(1000, 99999):05d}", "", phone, "yes" if rng.random() < 0.2 else "no",
                         f"{rng.uniform(0, 900):.2f}", rng.randrange(0, 9), "", "no",
                         "vip, club" if rng.random() < 0.1 else ""])
        for k in range(n_orders):
            email, first, last, city, country, phone = people[rng.randrange(n)]
            placed = start + timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
            roll = rng.random()
            status, cancelled = "paid", ""
            if roll < 0.015:
                status = "refunded"
            elif roll < 0.02:
                status = "voided"
            elif roll < 0.03:
                cancelled = _time(placed + timedelta(hours=3))
            items = [rng.choice(PRODUCTS) for _ in range(rng.choice((1, 1, 2, 3)))]
            subtotal = sum(p for _, _, p in items)
            for j, (name, sku, price) in enumerate(items):
                head = [f"#{10_000 + k}", email]
                if j == 0:
                    ow.writerow(head + [status, _time(placed), "fulfilled", "", "yes", "EUR", f"{subtotal:.2f}",
                                        "4.90", f"{subtotal * 0.19:.2f}", f"{subtotal + 4.9:.2f}", "", "0.00",
                                        "Standard", _time(placed), 1, name, f"{price:.2f}", "", sku, "true",
                                        "true", "fulfilled", f"{first} {last}", city, "", country, phone,
                                        cancelled, "Shopify Payments", "0.00", 5_000_000_000_000 + k, "", "web"])
                else:
                    ow.writerow(head + [""] * 13 + [_time(placed), 1, name, f"{price:.2f}", "", sku, "true",
                                                    "true", "fulfilled"] + [""] * 11)
                rows += 1
    return customers_path, orders_path, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--keep", metavar="DIR", help="write the files and database here and keep them")
    parser.add_argument("--code", metavar="DIR", help="import with the project checked out in DIR")
    add_idle_option(parser)
    args = parser.parse_args(argv)
    header()
    sys.path.insert(0, str(Path(args.code).resolve() if args.code else ROOT))
    from storage.database import open_database
    from storage.importers import import_file

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jb-shop-export-"))
    try:
        return _measure(folder, args, open_database, import_file)
    finally:  # the files and the database are a gigabyte: none is left behind unless kept
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def _measure(folder: Path, args: argparse.Namespace, open_database, import_file) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    customers_csv, orders_csv, rows = write_files(folder, args.customers, args.orders)
    print(f"files: {args.customers:,} customers ({customers_csv.stat().st_size / 1e6:.1f} MB), {args.orders:,} orders "
          f"in {rows:,} rows ({orders_csv.stat().st_size / 1e6:.1f} MB), written in {time.perf_counter() - started:.1f} s")
    db_path = folder / "shop.sqlite"
    db_path.unlink(missing_ok=True)
    db = open_database(db_path)
    total = 0.0
    for kind, path in (("customers", customers_csv), ("orders", orders_csv)):
        print(f"{kind}: {before_run(args.wait_idle)}")
        t0, c0, r0 = time.perf_counter(), time.process_time(), _children_cpu()
        result = import_file(db, kind, path)
        elapsed, cpu, reader = time.perf_counter() - t0, time.process_time() - c0, _children_cpu() - r0
        if not result.ok:
            print(f"FAILED {kind}: {result.summary()}; first: {[str(e) for e in result.errors[:3]]}")
            return 1
        total += elapsed
        print(f"{kind:9} {elapsed:6.1f} s (cpu {cpu:5.1f} s here + {reader:4.1f} s in the reading process)  "
              f"{result.summary()} [{result.format_name}]")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"total: {total:.1f} s into an empty database (target: 30 s); peak memory {peak:.0f} MB; "
          f"database {db_path.stat().st_size / 1e6:.0f} MB; code: {args.code or ROOT}")
    db.close()
    return 0 if total <= 30 else 1


def _children_cpu() -> float:
    """CPU time of the ended child processes: the import's reading process (storage.import_reader)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    raise SystemExit(main())
