"""The shop platforms' own shapes: which column of which export means which of our fields.

A shop owner's data comes as the platform writes it — Shopify's admin exports and its REST and
Admin GraphQL records, WooCommerce's CSV export plugins and its REST API (v3) records,
PrestaShop's back-office lists, its database tables and its own `;` import format — and each
spells the same thing differently ("Accepts Email Marketing", `billing.email`, `Email *`).
Knowing them is what lets an export be imported without mapping a column by hand, and what
lets the live-shop connectors (app/connectors) map the records they poll through the very
same code. docs/importing.md lists the formats and where each table comes from.

A format also says how its values are written: whether a leading apostrophe guards numbers
from Excel (Shopify), which decimal mark its money uses, whether orders whose customer is not
known are guest orders to be kept (every platform keeps them; a hand-made sheet is more likely
to have a typo), and what its order statuses mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from engine.profile import NOT_PURCHASES

IGNORE = "ignore"
SECRET = "secret"  # a password or key: refused, never read (docs/importing.md, "Secrets")

# Order statuses as we keep them: `placed` is a purchase; the others are kept with the order
# but are not purchases (no order_placed event, not in orders.count or orders.total).
PLACED = "placed"
STATUSES = (PLACED, *NOT_PURCHASES)
# What an order or cart row may tell of its customer (`customer.NAME`): used only to make the
# guest customer of an order whose customer is not known yet, never to change a known one.
GUEST_FIELDS = ("first_name", "last_name", "name", "phone", "city", "region", "country", "postal_code",
                "locale", "consent.email")


def norm(column: str) -> str:
    return " ".join(column.replace("\ufeff", "").strip().casefold().split())


def _table(pairs: Mapping[str, str]) -> dict[str, str]:
    return {norm(k): v for k, v in pairs.items()}


@dataclass(frozen=True)
class ShopFormat:
    """One platform's shapes: its column names per kind, and the columns that give it away."""

    name: str
    columns: Mapping[str, Mapping[str, str]]  # kind -> normalised column -> target
    signature: frozenset[str]
    apostrophes: bool = False  # a leading ' before digits or + is Excel protection, not data
    decimal: str | None = None  # "." or ","; None: as the file's delimiter suggests
    guests: bool = True  # an order or cart of an unknown email makes a guest customer
    statuses: Mapping[str, str] = field(default_factory=dict)  # normalised raw status -> ours
    booleans: frozenset[str] = frozenset()  # property targets that hold yes/no
    addresses: bool = False  # rows are addresses: several per customer, rows of no customer skipped
    no_customer_hint: str = ""  # what to export instead when a file of its names no customer by id or email


def _statuses(pairs: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {norm(raw): ours for ours, raws in pairs.items() for raw in raws}


# Words any platform or sheet uses for an order that is not a purchase (en, de, fr, es, ru).
COMMON_STATUSES = _statuses({
    "refunded": ("refunded", "refund", "erstattet", "rückerstattet", "remboursé", "rembourse", "reembolsado",
                 "возврат", "возвращён"),
    "cancelled": ("cancelled", "canceled", "cancel", "storniert", "abgebrochen", "annulé", "annule",
                  "cancelado", "отменён", "отменен", "trash"),
    "voided": ("voided", "void"),
    "failed": ("failed", "payment error", "payment failed", "fehlgeschlagen", "zahlungsfehler",
               "erreur de paiement", "error en el pago", "expired"),
})

# -- Shopify ---------------------------------------------------------------------------------
_SHOPIFY_CUSTOMERS = {
    # admin export (2023 on, and the older one with "Accepts Marketing" and no "Default Address")
    "Customer ID": "id", "First Name": "first_name", "Last Name": "last_name", "Email": "email",
    "Email Address": "email", "Accepts Email Marketing": "consent.email", "Accepts Marketing": "consent.email",
    "Accepts SMS Marketing": "consent.sms", "Phone": "phone", "Default Address Phone": "properties.address_phone",
    "Default Address City": "city", "City": "city", "Default Address Province Code": "region",
    "Province Code": "region", "Default Address Country Code": "country", "Country Code": "country",
    "Default Address Zip": "postal_code", "Zip": "postal_code", "Tags": "tags",
    "Total Spent": "properties.total_spent", "Total Orders": "properties.total_orders",
    "Default Address Company": "properties.company", "Company": "properties.company",
    "Default Address Address1": "properties.address", "Address1": "properties.address",
    "Note": "properties.note", "Tax Exempt": "properties.tax_exempt", "Default Address Address2": IGNORE,
    "Address2": IGNORE, "Province": IGNORE, "Country": IGNORE, "Accepts WhatsApp Marketing": "properties.whatsapp_marketing",
    # REST records (customers.json, an order's or checkout's `customer`)
    "id": "id", "email": "email", "first_name": "first_name", "last_name": "last_name", "phone": "phone",
    "accepts_marketing": "consent.email", "created_at": "signup_at", "tags": "tags", "note": "properties.note",
    "orders_count": "properties.total_orders", "total_spent": "properties.total_spent",
    "default_address.city": "city", "default_address.province_code": "region",
    "default_address.country_code": "country", "default_address.zip": "postal_code",
    "default_address.company": "properties.company", "default_address.address1": "properties.address",
    "default_address.phone": "properties.address_phone", "email_marketing_consent.state": "consent.email",
    "sms_marketing_consent.state": "consent.sms", "tax_exempt": "properties.tax_exempt", "state": "properties.state",
    "verified_email": "properties.verified_email", "currency": "properties.currency",
    "admin_graphql_api_id": IGNORE, "updated_at": IGNORE, "addresses": IGNORE, "default_address.id": IGNORE,
    "default_address.customer_id": IGNORE, "default_address.first_name": IGNORE, "default_address.last_name": IGNORE,
    "default_address.name": IGNORE, "default_address.address2": IGNORE, "default_address.province": IGNORE,
    "default_address.country": IGNORE, "default_address.country_name": IGNORE, "default_address.default": IGNORE,
    "last_order_id": IGNORE, "last_order_name": IGNORE, "multipass_identifier": SECRET,
    "accepts_marketing_updated_at": IGNORE, "marketing_opt_in_level": IGNORE, "tax_exemptions": IGNORE,
    # Admin GraphQL records (app/connectors/shopify.py asks for these)
    "firstName": "first_name", "lastName": "last_name", "createdAt": "signup_at", "locale": "locale",
    "numberOfOrders": "properties.total_orders", "amountSpent.amount": "properties.total_spent",
    "defaultAddress.city": "city", "defaultAddress.provinceCode": "region", "defaultAddress.countryCodeV2": "country",
    "defaultAddress.zip": "postal_code", "defaultAddress.address1": "properties.address",
    "defaultAddress.company": "properties.company", "defaultAddress.phone": "properties.address_phone",
    "emailMarketingConsent.marketingState": "consent.email", "smsMarketingConsent.marketingState": "consent.sms",
    "defaultEmailAddress.emailAddress": "email", "defaultEmailAddress.marketingState": "consent.email",
    "defaultPhoneNumber.phoneNumber": "phone", "defaultPhoneNumber.marketingState": "consent.sms",
    "updatedAt": IGNORE, "amountSpent.currencyCode": IGNORE, "legacyResourceId": "id",
}
_SHOPIFY_ORDERS = {
    # admin export: one row per line item, the order's own columns on its first row
    "Name": "id", "Email": "customer_email", "Created at": "placed_at", "Processed At": "placed_at",
    "Total": "total", "Currency": "currency", "Financial Status": "status", "Cancelled at": "cancelled_at",
    "Cancelled At": "cancelled_at", "Fulfillment Status": "properties.fulfillment_status",
    "Subtotal": "properties.subtotal", "Shipping": "properties.shipping", "Taxes": "properties.taxes",
    "Discount Code": "properties.discount_code", "Discount Amount": "properties.discount_amount",
    "Shipping Method": "properties.shipping_method", "Paid at": "properties.paid_at",
    "Fulfilled at": "properties.fulfilled_at", "Payment Method": "properties.payment_method",
    "Id": "properties.shopify_id", "Lineitem name": "item.name", "Lineitem sku": "item.sku",
    "Lineitem quantity": "item.quantity", "Lineitem price": "item.price", "Accepts Marketing": "customer.consent.email",
    "Buyer Accepts Marketing": "customer.consent.email", "Billing Name": "customer.name",
    "Billing First Name": "customer.first_name", "Billing Last Name": "customer.last_name",
    "Billing City": "customer.city", "Billing Province Code": "customer.region", "Billing Country Code": "customer.country",
    "Billing Country": "customer.country", "Billing Zip": "customer.postal_code", "Billing Phone": "customer.phone",
    "Phone": "customer.phone", "Shipping Name": IGNORE, "Notes": IGNORE, "Source": "properties.source",
    "Refunded Amount": "properties.refunded_amount", "Cancel Reason": "properties.cancel_reason",
    "Tags": "properties.tags", "Discount code": "properties.discount_code", "Discount amount": "properties.discount_amount",
    "Total discounts": "properties.discount_amount", "Total Tax": "properties.taxes", "Source name": "properties.source",
    # the rest of the admin export and of Shopify's own order template: known, not needed
    **{column: IGNORE for column in (
        "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing Province",
        "Billing Province Name", "Shipping Street", "Shipping Address1", "Shipping Address2", "Shipping Company",
        "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Province Code", "Shipping Province Name",
        "Shipping Country", "Shipping Country Code", "Shipping Phone", "Shipping First Name", "Shipping Last Name",
        "Lineitem compare at price", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
        "Lineitem discount", "Note Attributes", "Payment Reference", "Payment References", "Payment ID",
        "Payment Terms Name", "Next Payment Due At", "Vendor", "Employee", "Location", "Device ID", "Risk Level",
        "Receipt Number", "Duties", "Outstanding Balance", "Closed At", "Note", "Referring Site", "Total weight",
        "Transaction amount", "Transaction kind", "Transaction status", "Metafield Namespace", "Metafield Key",
        "Metafield Value", "Metafield Value Type", "Fulfillment Date",
        *(f"Tax {n} {what}" for n in range(1, 6) for what in ("Name", "Value", "Title", "Price", "Rate")))},
    # REST records (orders.json)
    "name": "id", "email": "customer_email", "contact_email": "customer_email", "created_at": "placed_at",
    "processed_at": "placed_at", "total_price": "total", "currency": "currency", "financial_status": "status",
    "cancelled_at": "cancelled_at", "customer.id": "customer_id", "customer.email": "customer_email",
    "line_items": "items", "checkout_token": "cart_id", "cart_token": "properties.cart_token",
    "fulfillment_status": "properties.fulfillment_status", "subtotal_price": "properties.subtotal",
    "total_discounts": "properties.discount_amount", "id": "properties.shopify_id", "order_number": IGNORE,
    "buyer_accepts_marketing": "customer.consent.email", "billing_address.first_name": "customer.first_name",
    "billing_address.last_name": "customer.last_name", "billing_address.city": "customer.city",
    "billing_address.province_code": "customer.region", "billing_address.country_code": "customer.country",
    "billing_address.zip": "customer.postal_code", "billing_address.phone": "customer.phone",
    "customer.first_name": "customer.first_name", "customer.last_name": "customer.last_name",
    "cancel_reason": "properties.cancel_reason", "source_name": "properties.source", "test": "properties.test",
    "customer_locale": "customer.locale",
    # Admin GraphQL records
    "legacyResourceId": "properties.shopify_id", "createdAt": "placed_at", "processedAt": "placed_at",
    "cancelledAt": "cancelled_at", "displayFinancialStatus": "status",
    "displayFulfillmentStatus": "properties.fulfillment_status",
    "totalPriceSet.shopMoney.amount": "total", "totalPriceSet.shopMoney.currencyCode": "currency",
    "currencyCode": "currency", "customer.legacyResourceId": "customer_id",
    "lineItems.nodes": "items", "checkoutToken": "cart_id", "cartToken": "properties.cart_token",
    "customer.firstName": "customer.first_name", "customer.lastName": "customer.last_name",
    "customer.defaultEmailAddress.emailAddress": "customer_email",
    "billingAddress.city": "customer.city", "billingAddress.provinceCode": "customer.region",
    "billingAddress.countryCodeV2": "customer.country", "billingAddress.zip": "customer.postal_code",
    "billingAddress.phone": "customer.phone", "updatedAt": IGNORE,
}
_SHOPIFY_CARTS = {
    # REST abandoned checkouts (checkouts.json) and Admin GraphQL `abandonedCheckouts`
    "token": "id", "id": "properties.shopify_id", "cart_token": "properties.cart_token", "email": "customer_email",
    "customer.id": "customer_id", "customer.email": "customer_email", "updated_at": "at", "created_at": IGNORE,
    "completed_at": "completed_at", "total_price": "total", "currency": "currency", "line_items": "items",
    "abandoned_checkout_url": "url", "buyer_accepts_marketing": "customer.consent.email",
    "billing_address.first_name": "customer.first_name", "billing_address.last_name": "customer.last_name",
    "billing_address.city": "customer.city", "billing_address.country_code": "customer.country",
    "billing_address.zip": "customer.postal_code", "billing_address.phone": "customer.phone",
    "customer.first_name": "customer.first_name", "customer.last_name": "customer.last_name",
    "name": "properties.name",
    "abandonedCheckoutUrl": "url", "updatedAt": "at", "createdAt": IGNORE, "completedAt": "completed_at",
    "totalPriceSet.shopMoney.amount": "total", "totalPriceSet.shopMoney.currencyCode": "currency",
    "lineItems.nodes": "items", "customer.legacyResourceId": "customer_id",
    "customer.firstName": "customer.first_name", "customer.lastName": "customer.last_name",
    "customer.defaultEmailAddress.emailAddress": "customer_email",
    "billingAddress.countryCodeV2": "customer.country", "billingAddress.city": "customer.city",
    # admin CSV export of abandoned checkouts (the order export's columns)
    "Email": "customer_email", "Created at": "at", "Total": "total", "Currency": "currency",
    "Lineitem name": "item.name", "Lineitem sku": "item.sku", "Lineitem quantity": "item.quantity",
    "Lineitem price": "item.price", "Abandoned Checkout URL": "url", "Recovery URL": "url",
    "Billing Name": "customer.name", "Billing City": "customer.city", "Billing Country": "customer.country",
    "Accepts Marketing": "customer.consent.email",
}
SHOPIFY = ShopFormat(
    "Shopify",
    {"customers": _table(_SHOPIFY_CUSTOMERS), "orders": _table(_SHOPIFY_ORDERS), "carts": _table(_SHOPIFY_CARTS)},
    frozenset(norm(c) for c in (
        "Accepts Email Marketing", "Accepts Marketing", "Default Address City", "Total Spent", "Lineitem name",
        "Financial Status", "Fulfillment Status", "Buyer Accepts Marketing", "admin_graphql_api_id",
        "default_address.country_code", "financial_status", "abandoned_checkout_url", "cart_token",
        "accepts_marketing", "total_price", "displayFinancialStatus", "defaultAddress.countryCodeV2",
        "emailMarketingConsent.marketingState", "abandonedCheckoutUrl", "totalPriceSet.shopMoney.amount",
        "legacyResourceId", "Abandoned Checkout URL", "defaultEmailAddress.emailAddress")),
    apostrophes=True, decimal=".",
    statuses={**COMMON_STATUSES, **_statuses({
        "placed": ("paid", "pending", "authorized", "partially_paid", "partially_refunded", "partially paid",
                   "partially refunded"),
        "voided": ("voided",), "failed": ("expired",), "refunded": ("refunded",)})},
    booleans=frozenset({"properties.tax_exempt", "properties.verified_email", "properties.test",
                        "properties.whatsapp_marketing"}),
)

def _guest(target: str) -> str:
    """An order's billing field, kept for the guest customer the order may make."""
    return f"customer.{target}" if target in GUEST_FIELDS else IGNORE


# -- WooCommerce -----------------------------------------------------------------------------
_WOO_ADDRESS = {  # the nested `billing {…}` of REST records and the flat `billing_*` of CSV plugins
    "city": "city", "state": "region", "country": "country", "postcode": "postal_code", "phone": "phone",
    "company": "properties.company", "address_1": "properties.address", "address_2": IGNORE,
    "first_name": "first_name", "last_name": "last_name", "email": "email",
}
# The "Advanced Order Export For WooCommerce" plugin names its columns "City (Billing)".
_ADVANCED_ORDER_EXPORT = {
    "Order Number": "id", "Order Status": "status", "Order Date": "placed_at", "Order Currency": "currency",
    "Currency": "currency", "Order Total Amount": "total", "Order Subtotal Amount": "properties.subtotal",
    "Order Shipping Amount": "properties.shipping", "Order Refund Amount": "properties.refunded_total",
    "Cart Discount Amount": "properties.discount_amount", "Order Total Tax Amount": IGNORE,
    "Payment Method Title": "properties.payment_method", "Shipping Method Title": "properties.shipping_method",
    "Coupon Code": "properties.discount_code", "Discount Amount": IGNORE, "Discount Amount Tax": IGNORE,
    "Customer Note": IGNORE, "Modification Date": IGNORE, "Paid Date": "properties.paid_at",
    "Completed Date": "properties.completed_at", "Email (Billing)": "customer_email",
    "First Name (Billing)": "customer.first_name", "Last Name (Billing)": "customer.last_name",
    "Full Name (Billing)": "customer.name", "Phone (Billing)": "customer.phone", "City (Billing)": "customer.city",
    "State Code (Billing)": "customer.region", "Postcode (Billing)": "customer.postal_code",
    "Post Code (Billing)": "customer.postal_code", "Country Code (Billing)": "customer.country",
    "Country (Billing)": "customer.country", "Country Name (Billing)": IGNORE, "State Name (Billing)": IGNORE,
    "Company (Billing)": IGNORE, "Address 1&2 (Billing)": IGNORE, "Address 1 (Billing)": IGNORE,
    "Address 2 (Billing)": IGNORE, "Name (Billing)": "customer.name",
    "Item #": IGNORE, "SKU": "item.sku", "Item Name": "item.name", "Quantity": "item.quantity",
    "Item Cost": "item.price", "Item Tax Amount": IGNORE, "Item Total Amount": IGNORE, "Item Total": IGNORE,
    "Customer Total Orders": IGNORE, "Customer Total Spent": IGNORE, "Customer Role": IGNORE,
    **{f"{what} (Shipping)": IGNORE for what in (
        "First Name", "Last Name", "Full Name", "Name", "Company", "Address 1&2", "Address 1", "Address 2", "City",
        "State Code", "State Name", "Postcode", "Post Code", "Country Code", "Country", "Country Name", "Phone",
        "Customer Note")},
}
# WooCommerce's own Analytics ▸ Customers "Download" (a CSV of the report as shown).
_WOO_ANALYTICS_CUSTOMERS = {
    "Name": "name", "Username": "properties.username", "Last active": "properties.last_active",
    "Date registered": "signup_at", "Email": "email", "Orders": "properties.orders_count",
    "Total spend": "properties.total_spent", "AOV": IGNORE, "Country / Region": "country",
    "Country": "country", "City": "city", "Region": "region", "Postal code": "postal_code",
}
_WOO_CUSTOMERS = {
    "customer_id": "id", "id": "id", "ID": "id", "email": "email", "user_email": "email",
    "first_name": "first_name", "last_name": "last_name", "date_created": "signup_at",
    "date_created_gmt": "signup_at", "date_registered": "signup_at", "username": "properties.username",
    "user_login": "properties.username", "orders_count": "properties.orders_count",
    "order_count": "properties.orders_count", "total_spent": "properties.total_spent",
    "is_paying_customer": "properties.paying_customer", "role": IGNORE, "avatar_url": IGNORE,
    "date_modified": IGNORE, "date_modified_gmt": IGNORE, "meta_data": IGNORE, "user_pass": SECRET,
    "password": SECRET, "billing_full_name": "name", "shipping_full_name": IGNORE,
    **{f"billing_{k}": v for k, v in _WOO_ADDRESS.items()},
    **{f"billing.{k}": v for k, v in _WOO_ADDRESS.items()},
    **{f"shipping_{k}": IGNORE for k in _WOO_ADDRESS}, **{f"shipping.{k}": IGNORE for k in _WOO_ADDRESS},
    # the plugin's "legacy" customer export
    "First Name": "first_name", "Last Name": "last_name", "Email": "email", "Phone": "phone",
    "Address": "properties.address", "Address 2": IGNORE, "Post code": "postal_code", "City": "city",
    "State": "region", "Country": "country", "Company": "properties.company",
    "billing_state_code": "region", "shipping_state_code": IGNORE, **_WOO_ANALYTICS_CUSTOMERS,
}
_WOO_ORDERS = {
    "order_id": "id", "id": "id", "Order ID": "id", "number": "properties.order_number",
    "order_number": "properties.order_number", "order_number_formatted": IGNORE, "customer_id": "customer_id",
    "customer_user": "customer_id", "billing_email": "customer_email", "billing.email": "customer_email",
    "Billing Email": "customer_email", "date_created": "placed_at", "date_created_gmt": "placed_at",
    "order_date": "placed_at", "Date": "placed_at", "date": "placed_at", "order_total": "total", "total": "total",
    "Order Total": "total", "order_currency": "currency", "currency": "currency", "status": "status",
    "Order Status": "status", "payment_method": "properties.payment_method", "payment_method_title": IGNORE,
    "Payment Method": "properties.payment_method", "coupon_code": "properties.discount_code",
    "cart_discount": "properties.discount_amount", "discount_total": "properties.discount_amount",
    "shipping_total": "properties.shipping", "order_shipping": "properties.shipping",
    "refunded_total": "properties.refunded_total", "cart_hash": "cart_id", "order_key": IGNORE,
    "item_name": "item.name", "item_sku": "item.sku", "item_quantity": "item.quantity", "item_price": "item.price",
    "item_total": "item.price", "Item Name": "item.name", "Item SKU": "item.sku", "Item Amount": "item.quantity",
    "Row Price": "item.price", "line_items": "items", "Order Items": "items", "order_items": "items",
    "date_modified": IGNORE, "date_modified_gmt": IGNORE, "date_paid": IGNORE, "date_paid_gmt": "properties.paid_at",
    "date_completed": IGNORE, "date_completed_gmt": "properties.completed_at", "meta_data": IGNORE,
    "tax_lines": IGNORE, "shipping_lines": IGNORE, "fee_lines": IGNORE, "coupon_lines": IGNORE, "refunds": IGNORE,
    "parent_id": IGNORE, "created_via": "properties.created_via", "version": IGNORE,
    "customer_ip_address": IGNORE, "customer_user_agent": IGNORE, "prices_include_tax": IGNORE,
    "transaction_id": IGNORE, "set_paid": IGNORE, "customer_note": IGNORE, "discount_tax": IGNORE,
    "shipping_tax": IGNORE, "cart_tax": IGNORE, "total_tax": IGNORE,
    **{f"billing_{k}": _guest(v) for k, v in _WOO_ADDRESS.items() if k != "email"},
    **{f"billing.{k}": _guest(v) for k, v in _WOO_ADDRESS.items() if k != "email"},
    **{f"shipping_{k}": IGNORE for k in _WOO_ADDRESS}, **{f"shipping.{k}": IGNORE for k in _WOO_ADDRESS},
    "Billing First Name": "customer.first_name", "Billing Last Name": "customer.last_name",
    "Billing Phone": "customer.phone", "Billing City": "customer.city", "Billing Country": "customer.country",
    "Billing Post code": "customer.postal_code", "Billing State": "customer.region",
    "billing_state_code": "customer.region", "billing_full_name": "customer.name", "shipping_state_code": IGNORE,
    "shipping_full_name": IGNORE, "shipping_method": "properties.shipping_method", "order_notes": IGNORE,
    "shipping_items": IGNORE, "fee_items": IGNORE, "tax_items": IGNORE, "coupon_items": IGNORE,
    "download_permissions": IGNORE, "tax_total": IGNORE, "shipping_tax_total": IGNORE, "fee_total": IGNORE,
    "fee_tax_total": IGNORE, "order_discount": IGNORE,
    # "Advanced Order Export For WooCommerce": one row per item, the order's columns repeated
    **_ADVANCED_ORDER_EXPORT,
}
WOOCOMMERCE = ShopFormat(
    "WooCommerce",
    {"customers": _table(_WOO_CUSTOMERS), "orders": _table(_WOO_ORDERS)},
    frozenset(norm(c) for c in ("billing_email", "billing_first_name", "order_total", "billing_country",
                                "date_created", "order_currency", "billing.email", "billing.country",
                                "date_created_gmt", "customer_user", "Order Status", "Billing Email",
                                "order_key", "is_paying_customer", "Email (Billing)", "Order Total Amount",
                                "Country / Region", "Total spend")),
    decimal=None,
    statuses={**COMMON_STATUSES, **_statuses({
        "placed": ("completed", "processing", "on-hold", "wc-completed", "wc-processing", "wc-on-hold"),
        "unpaid": ("pending", "wc-pending", "checkout-draft", "draft", "pending payment", "zahlung ausstehend",
                   "en attente de paiement", "pago pendiente", "ожидание оплаты"),
        "cancelled": ("wc-cancelled",), "refunded": ("wc-refunded",), "failed": ("wc-failed",)})},
    booleans=frozenset({"properties.paying_customer"}),
)

# -- PrestaShop ------------------------------------------------------------------------------
_PRESTA_CUSTOMERS = {
    # database table ps_customer (phpMyAdmin and SQL Manager exports)
    "id_customer": "id", "email": "email", "firstname": "first_name", "lastname": "last_name",
    "birthday": "birthdate", "newsletter": "consent.email", "optin": "properties.partner_offers",
    "date_add": "signup_at", "id_gender": "gender", "company": "properties.company",
    "id_lang": "properties.id_lang", "active": "properties.active", "id_shop": IGNORE,
    "id_shop_group": IGNORE, "id_default_group": "properties.group", "passwd": SECRET,
    "secure_key": SECRET, "last_passwd_gen": IGNORE, "newsletter_date_add": IGNORE,
    "ip_registration_newsletter": IGNORE, "date_upd": IGNORE, "deleted": IGNORE, "is_guest": "properties.guest",
    "note": "properties.note", "website": IGNORE, "siret": IGNORE, "ape": IGNORE,
    "outstanding_allow_amount": IGNORE, "show_public_prices": IGNORE, "id_risk": IGNORE,
    "max_payment_days": IGNORE, "reset_password_token": SECRET, "reset_password_validity": IGNORE,
    # the customer list as the back office exports it
    "ID": "id", "Social title": "gender", "First name": "first_name", "Last name": "last_name",
    "Email": "email", "Newsletter": "consent.email", "Partner offers": "properties.partner_offers",
    "Opt-in": "properties.partner_offers", "Registration": "signup_at", "Birth date": "birthdate",
    "Sales": "properties.total_spent", "Enabled": "properties.active", "Last visit": IGNORE,
    "Company": "properties.company", "Group": "properties.group_name",
    # the same list exported from a back office in French, German or Spanish
    **{column: target for target, columns in {
        "gender": ("Titre", "Civilité", "Tratamiento", "Título"),
        "first_name": ("Prénom", "Vorname", "Nombre"),
        "last_name": ("Nom", "Nachname", "Apellido", "Apellidos"),
        "email": ("E-mail", "Adresse e-mail", "E-Mail", "E-Mail-Adresse", "Correo electrónico",
                  "Dirección de correo electrónico"),
        "properties.total_spent": ("Ventes", "Umsatz", "Verkäufe", "Ventas"),
        "properties.active": ("Activé", "Actif", "Aktiviert", "Aktiv", "Activado", "Activo"),
        "consent.email": ("Lettre d'informations", "Boletín", "Boletín de noticias"),
        "properties.partner_offers": ("Offres partenaires", "Partnerangebote", "Angebote von Partnern",
                                      "Ofertas asociados", "Ofertas de socios", "Ofertas comerciales"),
        "signup_at": ("Inscription", "Date d'inscription", "Registrierung", "Anmeldung", "Registro",
                      "Fecha de registro"),
        "properties.group_name": ("Groupe", "Gruppe", "Grupo"),
        IGNORE: ("Dernière visite", "Letzter Besuch", "Última visita"),
    }.items() for column in columns},
    # its own import format (Advanced parameters ▸ Import ▸ Customers, docs/csv_import)
    "Customer ID": "id", "Active (0/1)": "properties.active", "Titles ID (Mr = 1, Ms = 2, else 0)": "gender",
    "Email *": "email", "Password *": SECRET, "Birthday (yyyy-mm-dd)": "birthdate", "Last Name *": "last_name",
    "First Name *": "first_name", "Newsletter (0/1)": "consent.email", "Opt-in (0/1)": "properties.partner_offers",
    "Registration date (yyyy-mm-dd)": "signup_at", "Groups (x,y,z...)": "tags", "Default group ID": "properties.group",
}
_PRESTA_ADDRESSES = {  # its import format for addresses: several per customer
    "Address ID": IGNORE, "Alias*": IGNORE, "Active (0/1)": IGNORE, "Customer e-mail*": "email",
    "Customer ID": "id", "Manufacturer": IGNORE, "Supplier": IGNORE, "Company": "properties.company",
    "Lastname*": "last_name", "Firstname*": "first_name", "Address 1*": "properties.address",
    "Address 2": IGNORE, "Zipcode*": "postal_code", "City*": "city", "Country*": "country", "State": "region",
    "Other": IGNORE, "Phone": "phone", "Mobile Phone": "phone", "VAT number": IGNORE, "DNI": IGNORE,
    # the ps_address table
    "id_address": IGNORE, "alias": IGNORE, "address1": "properties.address", "address2": IGNORE,
    "postcode": "postal_code", "city": "city", "id_country": IGNORE, "id_state": IGNORE, "phone": "phone",
    "phone_mobile": "phone", "id_customer": "id", "lastname": "last_name", "firstname": "first_name",
    "id_manufacturer": IGNORE, "id_supplier": IGNORE, "id_warehouse": IGNORE, "vat_number": IGNORE, "dni": IGNORE,
    "other": IGNORE, "deleted": IGNORE, "active": IGNORE, "date_add": IGNORE, "date_upd": IGNORE,
}
_PRESTA_ORDERS = {
    "id_order": "id", "reference": "properties.reference", "id_customer": "customer_id",
    "email": "customer_email", "total_paid_tax_incl": "total", "total_paid": "total",
    "total_paid_real": IGNORE, "total_paid_tax_excl": "properties.total_net",
    "date_add": "placed_at", "current_state": "status", "payment": "properties.payment_method",
    "id_currency": IGNORE, "iso_code": "currency", "currency": "currency", "id_cart": "cart_id",
    "id_lang": IGNORE, "id_carrier": IGNORE, "id_address_delivery": IGNORE, "id_address_invoice": IGNORE,
    "secure_key": SECRET, "conversion_rate": IGNORE, "date_upd": IGNORE, "valid": IGNORE,
    "total_discounts": "properties.discount_amount", "total_shipping": "properties.shipping",
    # the order list as the back office exports it
    "ID": "id", "Reference": "properties.reference", "Total": "total", "Date": "placed_at",
    "Status": "status", "Payment": "properties.payment_method", "Customer": "customer.name",
    "New client": IGNORE, "Delivery": IGNORE,
}
PRESTASHOP = ShopFormat(
    "PrestaShop",
    {"customers": _table(_PRESTA_CUSTOMERS), "orders": _table(_PRESTA_ORDERS)},
    frozenset(norm(c) for c in ("id_customer", "id_order", "firstname", "lastname", "newsletter",
                                "optin", "date_add", "Social title", "Partner offers", "New client",
                                "Email *", "First Name *", "Newsletter (0/1)", "Password *", "Last Name *",
                                "Last visit", "Dernière visite", "Letzter Besuch", "Última visita",
                                "Offres partenaires", "Partnerangebote", "Ofertas asociados")),
    statuses={**COMMON_STATUSES, **_statuses({
        # the ids of PrestaShop's own states (ps_order_state): 6 canceled, 7 refunded, 8 payment error
        "cancelled": ("6",), "refunded": ("7",), "failed": ("8",)})},
    booleans=frozenset({"properties.active", "properties.partner_offers", "properties.guest"}),
    no_customer_hint=("PrestaShop's order list names a customer only as \"J. DOE\"; export the orders with "
                      "their customers' emails from Advanced parameters ▸ Database ▸ SQL Manager instead "
                      "(SELECT o.*, c.email FROM ps_orders o JOIN ps_customer c USING (id_customer)) "
                      "and import that file"),
)
PRESTASHOP_ADDRESSES = ShopFormat(
    "PrestaShop (addresses)",
    {"customers": _table(_PRESTA_ADDRESSES)},
    frozenset(norm(c) for c in ("Customer e-mail*", "Alias*", "Address 1*", "Zipcode*", "id_address")),
    addresses=True,
)

SYSTEMS = (SHOPIFY, WOOCOMMERCE, PRESTASHOP, PRESTASHOP_ADDRESSES)


def order_status(raw: str, platform: ShopFormat | None) -> str:
    """Our status for a platform's: `placed` unless the words say refunded, cancelled, voided,
    failed or unpaid (an unknown word is a placed order; its text stays in the properties)."""
    key = raw.casefold() if raw.isalpha() else norm(raw)
    if platform is not None and key in platform.statuses:
        return platform.statuses[key]
    return COMMON_STATUSES.get(key, PLACED)


__all__ = ["COMMON_STATUSES", "IGNORE", "NOT_PURCHASES", "PLACED", "PRESTASHOP", "PRESTASHOP_ADDRESSES",
           "SECRET", "SHOPIFY", "STATUSES", "SYSTEMS", "WOOCOMMERCE", "ShopFormat", "norm", "order_status"]
