<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AbTestEditor</name>
    <message>
        <location filename="../../widgets/inspector/ab_test_editor.py" line="+52"/>
        <source>Test variants of this message</source>
        <translation>Varianten dieser Nachricht testen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each customer always gets the same variant; the report shows how each one does and how likely it is to be the best</source>
        <translation>Jeder Kunde bekommt immer dieselbe Variante; der Bericht zeigt, wie jede abschneidet und wie wahrscheinlich sie die beste ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ Variant</source>
        <translation>+ Variante</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicks (where the shop records them)</source>
        <translation>Klicks (wo der Shop sie erfasst)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick the winner on its own at</source>
        <translation>Gewinner selbst wählen ab</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> % probability to be best</source>
        <translation> % Wahrscheinlichkeit, die beste zu sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> recipients per variant at least</source>
        <translation> Empfänger je Variante mindestens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Winner chosen on</source>
        <translation>Gewinner nach</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>weight </source>
        <translation>Gewicht </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this variant</source>
        <translation>Diese Variante entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the message&apos;s own</source>
        <translation>{field}: wie in der Nachricht</translation>
    </message>
</context>
<context>
    <name>BlockForm</name>
    <message>
        <location filename="../../widgets/email_designer/designer.py" line="+440"/>
        <source>The shop&apos;s logo (Shop settings ▸ Email design), linked to its website.</source>
        <translation>Das Logo des Shops (Shop-Einstellungen ▸ E-Mail-Design), verlinkt auf seine Website.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links to the shop&apos;s profiles from Shop settings ▸ Email design.</source>
        <translation>Links zu den Profilen des Shops aus Shop-Einstellungen ▸ E-Mail-Design.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s name and address, and the unsubscribe link: always there in marketing email.</source>
        <translation>Name und Adresse des Shops und der Abmeldelink: in Marketing-E-Mails immer dabei.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A thin line between blocks.</source>
        <translation>Eine dünne Linie zwischen Blöcken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each item&apos;s picture, name, quantity and price, linked to its page.</source>
        <translation>Bild, Name, Menge und Preis jedes Artikels, verlinkt auf seine Seite.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Centred</source>
        <translation>Zentriert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>or a variable such as {{ entry.cart_url }}</source>
        <translation>oder eine Variable wie {{ entry.cart_url }}</translation>
    </message>
</context>
<context>
    <name>BlocksEditor</name>
    <message>
        <location filename="../../widgets/email_designer/fields.py" line="+78"/>
        <source>Open the email designer…</source>
        <translation>E-Mail-Designer öffnen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} blocks: {names}</source>
        <translation>{n} Blöcke: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No blocks yet</source>
        <translation>Noch keine Blöcke</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Email designer</source>
        <translation>E-Mail-Designer</translation>
    </message>
</context>
<context>
    <name>BounceMailboxGroup</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+74"/>
        <source>Bounce mailbox (IMAP)</source>
        <translation>Postfach für Rückläufer (IMAP)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(stored; type to change)</source>
        <translation>(gespeichert; zum Ändern neu eingeben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(leave them where they are)</source>
        <translation>(dort lassen, wo sie sind)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Portnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move processed reports to</source>
        <translation>Bearbeitete Berichte verschieben nach</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hard bounces and spam complaints found here stop all further mail to that address; five soft bounces within 30 days count as a hard one. Other mail in the folder is left unread. Leave the server empty to read no bounces.</source>
        <translation>Dauerhafte Rückläufer (Hard Bounces) und Spam-Beschwerden, die hier ankommen, stoppen alle weiteren E-Mails an diese Adresse; fünf vorübergehende Rückläufer (Soft Bounces) innerhalb von 30 Tagen zählen wie ein dauerhafter. Andere E-Mails im Ordner bleiben ungelesen. Lassen Sie das Feld „IMAP-Server“ leer, um keine Rückläufer abzurufen.</translation>
    </message>
</context>
<context>
    <name>CustomerCalendar</name>
    <message>
        <location filename="../../widgets/customer_calendar.py" line="+162"/>
        <source>⚠ {n} journeys</source>
        <translation>⚠ {n} Journeys</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>+{n} more</source>
        <translation>+{n} weitere</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Customer id, e-mail or name</source>
        <translation>Kunden-ID, E-Mail oder Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Same day: {names}</source>
        <translation>Am selben Tag: {names}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No messages in this period.</source>
        <translation>Keine Nachrichten in diesem Zeitraum.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} messages, no day with messages from two journeys.</source>
        <translation>{n} Nachrichten, an keinem Tag Nachrichten aus zwei Journeys.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {n} days with messages from two or more journeys: {days}</source>
        <translation>⚠ {n} Tage mit Nachrichten aus zwei oder mehr Journeys: {days}</translation>
    </message>
</context>
<context>
    <name>CustomerCalendarPage</name>
    <message>
        <location filename="../../app/population_pages.py" line="+163"/>
        <source>No customer matches “{text}”.</source>
        <translation>Kein Kunde passt zu „{text}“.</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../widgets/simulator/customer_form.py" line="+42"/>
        <source>Customer id</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthdate</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Agreed to</source>
        <translation>Eingewilligt in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order history. When: &apos;-40d&apos; is 40 days before the start; an ISO time works too</source>
        <translation>Bestellhistorie. Wann: „-40d“ ist 40 Tage vor dem Start; eine ISO-Zeit geht auch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Properties (JSON)</source>
        <translation>Eigenschaften (JSON)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the customer will do: &apos;+0&apos; at the start, &apos;+30h&apos; thirty hours later. An order_placed event is an order.</source>
        <translation>Was der Kunde tun wird: „+0“ zum Start, „+30h“ dreißig Stunden später. Ein order_placed-Ereignis ist eine Bestellung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Custom properties</source>
        <translation>Eigene Eigenschaften</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add property</source>
        <translation>Eigenschaft hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order history</source>
        <translation>Bestellhistorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add order</source>
        <translation>Bestellung hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scripted events (from the start)</source>
        <translation>Geplante Ereignisse (ab dem Start)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add event</source>
        <translation>Ereignis hinzufügen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Order {n}</source>
        <translation>Bestellung {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order {n}: the total &apos;{total}&apos; is not a number</source>
        <translation>Bestellung {n}: Die Summe „{total}“ ist keine Zahl</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Event {n}</source>
        <translation>Ereignis {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: which event? (e.g. cart_abandoned)</source>
        <translation>{where}: Welches Ereignis? (z. B. cart_abandoned)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: properties must be a JSON object like {{&quot;total&quot;: 59.9}}</source>
        <translation>{where}: Eigenschaften müssen ein JSON-Objekt sein, etwa {{&quot;total&quot;: 59.9}}</translation>
    </message>
</context>
<context>
    <name>CustomerTab</name>
    <message>
        <location filename="../../widgets/simulator/customer_tab.py" line="+71"/>
        <source>A customer from the shop&apos;s database, or a test customer you describe below</source>
        <translation>Ein Kunde aus der Shop-Datenbank oder ein Testkunde, den Sie unten beschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test customer (described below)</source>
        <translation>Testkunde (unten beschrieben)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a copy</source>
        <translation>Kopie bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this shop customer into the test customer form to change them</source>
        <translation>Diesen Shop-Kunden in das Testkunden-Formular kopieren, um ihn zu ändern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When the simulation starts, in the customer&apos;s time zone. Events before it are history; a trigger before it does not enroll.</source>
        <translation>Wann die Simulation beginnt, in der Zeitzone des Kunden. Frühere Ereignisse sind Vorgeschichte; ein Auslöser davor startet die Journey nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At their latest event</source>
        <translation>Beim letzten Ereignis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start when the customer&apos;s most recent event happened, so the journey reacts to it (an abandoned cart, an order)</source>
        <translation>Zum Zeitpunkt des letzten Ereignisses des Kunden starten, damit die Journey darauf reagiert (ein abgebrochener Warenkorb, eine Bestellung)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the virtual clock may run</source>
        <translation>Wie weit die virtuelle Uhr laufen darf</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate for</source>
        <translation>Simulieren für</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>loading the customer…</source>
        <translation>Kunde wird geladen…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Loading the customer…</source>
        <translation>Kunde wird geladen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · {email} · {tz}
{orders} order(s), {events} event(s){last} · agreed to: {consent}</source>
        <translation>{name} · {email} · {tz}
{orders} Bestellung(en), {events} Ereignis(se){last} · eingewilligt in: {consent}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no email</source>
        <translation>keine E-Mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, latest {when}</source>
        <translation>, zuletzt {when}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <location filename="../../widgets/customers_model.py" line="+32"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../app/shop_pages.py" line="+251"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../widgets/customers_view.py" line="+50"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthdate</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Edit {fields} of {customer}</source>
        <translation>{fields} von {customer} bearbeiten</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Search by name, email or city</source>
        <translation>Nach Name, E-Mail oder Stadt suchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Record an event…</source>
        <translation>Ereignis erfassen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add something the customer did (an order, a review…) to their history; journeys react to it as to any event from the shop</source>
        <translation>Etwas, das der Kunde getan hat (eine Bestellung, eine Bewertung…), in seine Historie eintragen; Journeys reagieren darauf wie auf jedes Ereignis aus dem Shop</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Consents to</source>
        <translation>Eingewilligt in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placed at</source>
        <translation>Bestellt am</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Entered</source>
        <translation>Eingetreten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject / reason</source>
        <translation>Betreff / Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journeys</source>
        <translation>Journeys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No customer selected</source>
        <translation>Kein Kunde ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer {id}, signed up {when}</source>
        <translation>Kunde {id}, registriert {when}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>1 customer</source>
        <translation>1 Kunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} customers</source>
        <translation>{n} Kunden</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Record an event for {name}</source>
        <translation>Ereignis für {name} erfassen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot record the event</source>
        <translation>Das Ereignis kann nicht erfasst werden</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot change the customer</source>
        <translation>Kunde kann nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>DiscountEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+545"/>
        <source>Include a personal discount code</source>
        <translation>Persönlichen Rabattcode beifügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. CART</source>
        <translation>z. B. CART</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Percent off</source>
        <translation>Prozent Rabatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code prefix</source>
        <translation>Code-Präfix</translation>
    </message>
</context>
<context>
    <name>DkimGroup</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+26"/>
        <source>DKIM signing (own mail server only)</source>
        <translation>DKIM-Signatur (nur bei eigenem Mailserver)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. shop2025</source>
        <translation>z. B. shop2025</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the sender&apos;s domain)</source>
        <translation>(die Domain des Absenders)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(or paste the key below)</source>
        <translation>(oder den Schlüssel unten einfügen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(stored; paste a new PEM key to change)</source>
        <translation>(gespeichert; zum Ändern einen neuen PEM-Schlüssel einfügen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>Domainname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key file</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gmail, Microsoft 365, Brevo and Amazon SES sign for you: leave this empty when you send through them. A pasted key is kept in the system keyring.</source>
        <translation>Gmail, Microsoft 365, Brevo und Amazon SES signieren für Sie: Lassen Sie dies leer, wenn Sie über diese Anbieter senden. Ein eingefügter Schlüssel wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
</context>
<context>
    <name>DurationEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-379"/>
        <source>ISO 8601</source>
        <translation>ISO 8601</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>after</source>
        <translation>danach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before</source>
        <translation>davor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>years</source>
        <translation>Jahre</translation>
    </message>
</context>
<context>
    <name>EditorWiringMixin</name>
    <message>
        <location filename="../../app/editor_wiring.py" line="+29"/>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>{n} Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Can run · 1 warning</source>
        <translation>Lauffähig · 1 Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can run · {n} warnings</source>
        <translation>Lauffähig · {n} Warnungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Can run</source>
        <translation>Lauffähig</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Shop database: {path}</source>
        <translation>Shop-Datenbank: {path}</translation>
    </message>
</context>
<context>
    <name>EmailDesignGroup</name>
    <message>
        <location filename="../../widgets/email_design_settings.py" line="+70"/>
        <source>Email design and languages</source>
        <translation>E-Mail-Design und Sprachen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>more languages, like fr, it, pt_BR</source>
        <translation>weitere Sprachen, z. B. fr, it, pt_BR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo (web address)</source>
        <translation>Logo (Webadresse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buttons and links</source>
        <translation>Schaltflächen und Links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Around the email</source>
        <translation>Rund um die E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind the blocks</source>
        <translation>Hinter den Blöcken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fallback language</source>
        <translation>Ersatzsprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other languages</source>
        <translation>Weitere Sprachen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a web address like https://shop.example</source>
        <translation>{field}: eine Webadresse wie https://shop.example</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}: a colour like #2f6f4f</source>
        <translation>{field}: eine Farbe wie #2f6f4f</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fallback language is a code like en or pt_BR.</source>
        <translation>Die Ersatzsprache ist ein Code wie en oder pt_BR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other languages: codes like fr, it or pt_BR, separated by commas.</source>
        <translation>Weitere Sprachen: Codes wie fr, it oder pt_BR, durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>EmailDesigner</name>
    <message>
        <location filename="../../widgets/email_designer/designer.py" line="-443"/>
        <source>Header with logo</source>
        <translation>Kopf mit Logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button</source>
        <translation>Schaltfläche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divider</source>
        <translation>Trennlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product list</source>
        <translation>Produktliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount code</source>
        <translation>Rabattcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social links</source>
        <translation>Social-Media-Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Fußzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code (template)</source>
        <translation>Code (Vorlage)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line under the logo</source>
        <translation>Zeile unter dem Logo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image address</source>
        <translation>Bildadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (shown when images are off)</source>
        <translation>Beschreibung (erscheint, wenn Bilder aus sind)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Width (pixels)</source>
        <translation>Breite (Pixel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Products from</source>
        <translation>Produkte aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When there are none</source>
        <translation>Wenn es keine gibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line under the code</source>
        <translation>Zeile unter dem Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link text</source>
        <translation>Text des Abmeldelinks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template (plain text with {{ variables }} and {% if %} tags)</source>
        <translation>Vorlage (reiner Text mit {{ variables }} und {% if %}-Tags)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cart or order of the event that started the journey</source>
        <translation>Warenkorb oder Bestellung des Ereignisses, das die Journey gestartet hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The event&apos;s products (older imports)</source>
        <translation>Die Produkte des Ereignisses (ältere Importe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The event&apos;s items, else its products (any shop&apos;s carts)</source>
        <translation>Die Artikel des Ereignisses, sonst seine Produkte (Warenkörbe jedes Shops)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer&apos;s last order</source>
        <translation>Die letzte Bestellung des Kunden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A heading</source>
        <translation>Eine Überschrift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your text here.</source>
        <translation>Schreiben Sie hier Ihren Text.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit the shop</source>
        <translation>Zum Shop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your personal code:</source>
        <translation>Ihr persönlicher Code:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Shop address and unsubscribe link</source>
        <translation>Adresse des Shops und Abmeldelink</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>A marketing email keeps its footer: it carries the unsubscribe link.</source>
        <translation>Eine Marketing-E-Mail behält ihre Fußzeile: Sie enthält den Abmeldelink.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Blocks (drag to reorder)</source>
        <translation>Blöcke (zum Umsortieren ziehen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a block</source>
        <translation>Block hinzufügen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Edit this template by hand (leaves the designer)</source>
        <translation>Diese Vorlage von Hand bearbeiten (verlässt den Designer)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The HTML template these blocks make (MJML, then the sandboxed template language). Taking it over turns the body into an HTML template you edit as text.</source>
        <translation>Die HTML-Vorlage, die diese Blöcke ergeben (MJML, dann die abgeschottete Vorlagensprache). Wenn Sie sie übernehmen, wird der Text der E-Mail zu einer HTML-Vorlage, die Sie als Text bearbeiten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Block {where}</source>
        <translation>Block {where}</translation>
    </message>
</context>
<context>
    <name>EmailPreview</name>
    <message>
        <location filename="../../widgets/email_preview.py" line="+170"/>
        <source>Desktop</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Handy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The email preview needs QtWebEngine (PySide6-Addons), which is not installed.</source>
        <translation>Die E-Mail-Vorschau braucht QtWebEngine (PySide6-Addons), das nicht installiert ist.</translation>
    </message>
</context>
<context>
    <name>EmailSettingsDialog</name>
    <message>
        <location filename="../../widgets/email_settings.py" line="+41"/>
        <source>Email sending</source>
        <translation>E-Mail-Versand</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>STARTTLS</source>
        <translation>Verschlüsselt mit STARTTLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSL/TLS</source>
        <translation>Verschlüsselt mit SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Keine (unverschlüsselt)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(stored; type to change)</source>
        <translation>(gespeichert; zum Ändern neu eingeben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop &lt;hello@shop.example&gt;</source>
        <translation>Mein Shop &lt;hallo@shop.example&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Portnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per minute</source>
        <translation>Nachrichten pro Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per day</source>
        <translation>Nachrichten pro Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept in the system keyring, not in the shop file. Leave the server empty to send to the local catcher instead.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems gespeichert, nicht in der Shop-Datei. Lassen Sie das Feld „Server“ leer, um stattdessen an den lokalen Test-Postfach-Dienst zu senden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounces</source>
        <translation>Rückläufer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM</source>
        <translation>DKIM-Signatur</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../widgets/event_dialog.py" line="+67"/>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When ({zone}):</source>
        <translation>Wann ({zone}):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Properties (optional):</source>
        <translation>Eigenschaften (optional):</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Choose or type an event.</source>
        <translation>Wählen oder tippen Sie ein Ereignis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An event name is letters, digits and _ (like review_written), not “{name}”.</source>
        <translation>Ein Ereignisname besteht aus Buchstaben, Ziffern und _ (etwa review_written), nicht „{name}“.</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+248"/>
        <source>event name</source>
        <translation>Ereignisname</translation>
    </message>
</context>
<context>
    <name>ExitOnEditor</name>
    <message>
        <location filename="../../widgets/inspector/settings_form.py" line="+58"/>
        <source>+ Goal event</source>
        <translation>+ Zielereignis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No goal: customers leave when their paths end.</source>
        <translation>Kein Ziel: Kunden verlassen die Journey, wenn ihre Pfade enden.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>only if…</source>
        <translation>nur wenn…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove this goal event</source>
        <translation>Dieses Zielereignis entfernen</translation>
    </message>
</context>
<context>
    <name>FieldNameEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+43"/>
        <source>Customer property…</source>
        <translation>Kundeneigenschaft…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry event property…</source>
        <translation>Eigenschaft des Startereignisses…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>property name</source>
        <translation>Name der Eigenschaft</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+41"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CSV export of Shopify, WooCommerce or PrestaShop, any CSV with a header row, or JSON (a list of records or profile files).</source>
        <translation>Ein CSV-Export aus Shopify, WooCommerce oder PrestaShop, jede CSV-Datei mit Kopfzeile oder JSON (eine Liste von Datensätzen oder Profildateien).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file holds</source>
        <translation>Die Datei enthält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import file</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop exports (*.csv *.json *.jsonl *.txt);;All files (*)</source>
        <translation>Shop-Exporte (*.csv *.json *.jsonl *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Abandoned carts</source>
        <translation>Abgebrochene Warenkörbe</translation>
    </message>
</context>
<context>
    <name>GalleryDialog</name>
    <message>
        <location filename="../../widgets/gallery_dialog.py" line="+51"/>
        <source>New journey</source>
        <translation>Neue Journey</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank journey</source>
        <translation>Leere Journey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty canvas: add a trigger from the palette and build from there.</source>
        <translation>Eine leere Arbeitsfläche: Ziehen Sie einen Auslöser aus der Palette und bauen Sie von dort aus weiter.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start from a template made for a common shop situation, or from scratch.</source>
        <translation>Starten Sie mit einer Vorlage für eine typische Shop-Situation oder ganz von vorn.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+15"/>
        <source>Untitled journey</source>
        <translation>Unbenannte Journey</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Empty canvas</source>
        <translation>Leere Arbeitsfläche</translation>
    </message>
</context>
<context>
    <name>GeoInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="+329"/>
        <source>City or postcode</source>
        <translation>Ort oder Postleitzahl</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>lat</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lon</source>
        <translation>Länge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coordinates</source>
        <translation>Koordinaten</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No city or postcode “{text}” is known; give the coordinates instead.</source>
        <translation>Kein Ort und keine Postleitzahl „{text}“ bekannt; geben Sie stattdessen die Koordinaten an.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Centre: {lat:.4f}, {lon:.4f}</source>
        <translation>Mittelpunkt: {lat:.4f}, {lon:.4f}</translation>
    </message>
</context>
<context>
    <name>GroupWidget</name>
    <message>
        <location filename="../../widgets/inspector/rule_builder.py" line="+62"/>
        <source>All of these</source>
        <translation>Alle diese</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any of these</source>
        <translation>Eine davon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negate the whole group</source>
        <translation>Die ganze Gruppe negieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove this group</source>
        <translation>Diese Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+ Condition</source>
        <translation>+ Bedingung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+ Group</source>
        <translation>+ Gruppe</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>are true</source>
        <translation>sind erfüllt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is true</source>
        <translation>ist erfüllt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conditions yet: always true.</source>
        <translation>Noch keine Bedingungen: immer erfüllt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No conditions yet: never true.</source>
        <translation>Noch keine Bedingungen: nie erfüllt.</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <location filename="../../widgets/help_browser.py" line="+13"/>
        <source>Journey Builder user guide</source>
        <translation>Journey Builder – Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <location filename="../../app/help_wiring.py" line="+48"/>
        <source>&amp;Start page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There is no journey to simulate yet: open a template first.</source>
        <translation>Es gibt noch keine Journey zum Simulieren: öffnen Sie zuerst eine Vorlage.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This shop has a mail account set up, so sending would reach real customers. Press Start in the Sending session panel when you mean it.</source>
        <translation>Für diesen Shop ist ein Mail-Konto eingerichtet, Senden würde also echte Kunden erreichen. Drücken Sie Start im Panel Versandsitzung, wenn Sie das wirklich wollen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session is sending to the local catcher: see the Sending session panel.</source>
        <translation>Die Sitzung sendet an den lokalen Catcher: siehe Panel Versandsitzung.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+310"/>
        <source>Import shop data</source>
        <translation>Shop-Daten importieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>Weiter &gt;</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector/inspector.py" line="+313"/>
        <source>Open or create a journey to edit it here.</source>
        <translation>Öffnen oder erstellen Sie eine Journey, um sie hier zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&apos;{id}&apos; is a node of an unknown kind ({type}/{kind}).</source>
        <translation>„{id}“ ist ein Schritt unbekannter Art ({type}/{kind}).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fix the message first: {problem}</source>
        <translation>Bitte zuerst die Nachricht korrigieren: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your email address:</source>
        <translation>Ihre E-Mail-Adresse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your mobile number:</source>
        <translation>Ihre Mobilnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your device or customer id:</source>
        <translation>Ihr Gerät oder Ihre Kunden-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a test to me</source>
        <translation>Test an mich senden</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-154"/>
        <source>plain text</source>
        <translation>reiner Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML</source>
        <translation>HTML-Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>marketing (needs consent, has an unsubscribe link)</source>
        <translation>Marketing (braucht Einwilligung, mit Abmeldelink)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transactional (an order, a payment: no consent needed)</source>
        <translation>Transaktional (Bestellung, Zahlung: keine Einwilligung nötig)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>designed in the email designer</source>
        <translation>im E-Mail-Designer gestaltet</translation>
    </message>
</context>
<context>
    <name>JourneyActionsMixin</name>
    <message>
        <location filename="../../app/journey_actions.py" line="+29"/>
        <source>Journey files (*.json);;All files (*)</source>
        <translation>Journey-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Could not create the journey</source>
        <translation>Die Journey konnte nicht erstellt werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+27"/>
        <source>Import journey</source>
        <translation>Journey importieren</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+14"/>
        <source>Could not import the journey</source>
        <translation>Die Journey konnte nicht importiert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported “{name}” from {file}</source>
        <translation>„{name}“ aus {file} importiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A journey named “{name}” already exists.</source>
        <translation>Eine Journey namens „{name}“ gibt es schon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace its draft with the file, or keep both?</source>
        <translation>Ihren Entwurf durch die Datei ersetzen oder beide behalten?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace draft</source>
        <translation>Entwurf ersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export journey</source>
        <translation>Journey exportieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export the journey</source>
        <translation>Die Journey konnte nicht exportiert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported “{name}” to {file}</source>
        <translation>„{name}“ nach {file} exportiert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not rename the journey</source>
        <translation>Die Journey konnte nicht umbenannt werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Renamed “{old}” to “{new}”</source>
        <translation>„{old}“ in „{new}“ umbenannt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not duplicate the journey</source>
        <translation>Die Journey konnte nicht dupliziert werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot delete a live journey</source>
        <translation>Eine aktive Journey kann nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is live: customers are going through it. Stop it before deleting it.</source>
        <translation>„{name}“ ist aktiv: Kunden durchlaufen sie gerade. Stoppen Sie die Journey, bevor Sie sie löschen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete journey</source>
        <translation>Journey löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{name}”? This cannot be undone.</source>
        <translation>„{name}“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not delete the journey</source>
        <translation>Die Journey konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted “{name}”</source>
        <translation>„{name}“ gelöscht</translation>
    </message>
</context>
<context>
    <name>JourneyLibrary</name>
    <message>
        <location filename="../../widgets/library.py" line="+168"/>
        <source>Search journeys</source>
        <translation>Journeys durchsuchen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Live</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journeys</source>
        <translation>Journeys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a journey from a template</source>
        <translation>Eine Journey aus einer Vorlage erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+168"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Copy the selected journey as a new draft</source>
        <translation>Die ausgewählte Journey als neuen Entwurf kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+165"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Rename the selected journey (F2)</source>
        <translation>Die ausgewählte Journey umbenennen (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected journey (Del)</source>
        <translation>Die ausgewählte Journey löschen (Entf)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Live, with unpublished changes</source>
        <translation>Aktiv, mit unveröffentlichten Änderungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited {when}</source>
        <translation>Bearbeitet {when}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Rename journey</source>
        <translation>Journey umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New journey…</source>
        <translation>Neue Journey…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} min ago</source>
        <translation>vor {n} Min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} h ago</source>
        <translation>vor {n} Std.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days ago</source>
        <translation>vor {n} Tagen</translation>
    </message>
</context>
<context>
    <name>JourneyLifecycle</name>
    <message>
        <location filename="../../app/session_pages.py" line="+465"/>
        <source>No journey open</source>
        <translation>Keine Journey geöffnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a journey first.</source>
        <translation>Öffnen Sie zuerst eine Journey.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not change the journey</source>
        <translation>Die Journey konnte nicht geändert werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not publish</source>
        <translation>Veröffentlichen fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publish “{name}”</source>
        <translation>„{name}“ veröffentlichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} customer(s) are inside the live version. What should happen to them?</source>
        <translation>{n} Kunde(n) befinden sich in der aktiven Version. Was soll mit ihnen geschehen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} of them stand at a step the new version removes.</source>
        <translation>{n} davon stehen bei einem Schritt, den die neue Version entfernt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let them finish on the old version</source>
        <translation>In der alten Version zu Ende laufen lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move them to the new version</source>
        <translation>In die neue Version übernehmen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Published “{name}”</source>
        <translation>„{name}“ veröffentlicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paused “{name}”</source>
        <translation>„{name}“ pausiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resumed “{name}”</source>
        <translation>„{name}“ fortgesetzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Archive “{name}”</source>
        <translation>„{name}“ archivieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archiving stops the journey for good: customers inside leave it and waiting messages are not sent. Archive it?</source>
        <translation>Das Archivieren beendet die Journey endgültig: Kunden darin verlassen sie, und wartende Nachrichten werden nicht gesendet. Jetzt archivieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archived “{name}”</source>
        <translation>„{name}“ archiviert</translation>
    </message>
</context>
<context>
    <name>JourneyReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="+93"/>
        <source>All of its history</source>
        <translation>Die ganze Geschichte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last 30 days</source>
        <translation>Die letzten 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 90 days</source>
        <translation>Die letzten 90 Tage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last 365 days</source>
        <translation>Die letzten 365 Tage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened (the shop&apos;s figures)</source>
        <translation>Was geschah (Zahlen des Shops)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the simulation said (last population run)</source>
        <translation>Was die Simulation sagte (letzter Populationslauf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Messages sent in:</source>
        <translation>Nachrichten gesendet in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badges on the canvas:</source>
        <translation>Plaketten auf der Arbeitsfläche:</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+21"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions</source>
        <translation>Konversionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per recipient</source>
        <translation>Je Empfänger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unsubscribes</source>
        <translation>Abmeldungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Holdout</source>
        <translation>Kontrollgruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A/B tests</source>
        <translation>A/B-Tests</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Open a journey of the shop to see what it earned.</source>
        <translation>Öffnen Sie eine Journey des Shops, um zu sehen, was sie eingebracht hat.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No figures: {reason}</source>
        <translation>Keine Zahlen: {reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 days</source>
        <translation>5 Tage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{revenue} {currency} from {conversions} orders credited to this journey&apos;s messages; an order counts for the last message received at most {window} before it.</source>
        <translation>{revenue} {currency} aus {conversions} Bestellungen, die den Nachrichten dieser Journey zugerechnet werden; eine Bestellung zählt für die letzte Nachricht, die höchstens {window} vorher empfangen wurde.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>This journey keeps nobody out. Set a holdout in its settings to measure what it earns against customers who did not get it.</source>
        <translation>Diese Journey hält niemanden heraus. Legen Sie in ihren Einstellungen eine Kontrollgruppe fest, um zu messen, was sie gegenüber Kunden ohne sie einbringt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held out: {held} customers, {held_rate} ordered, {held_rpc} {currency} per customer. In the journey: {rest} customers, {rest_rate} ordered, {rest_rpc} {currency} per customer.</source>
        <translation>Herausgehalten: {held} Kunden, {held_rate} bestellten, {held_rpc} {currency} je Kunde. In der Journey: {rest} Kunden, {rest_rate} bestellten, {rest_rpc} {currency} je Kunde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{low} to {high} points</source>
        <translation>{low} bis {high} Punkte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too few customers or orders to tell yet.</source>
        <translation>Noch zu wenige Kunden oder Bestellungen für eine Aussage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No clear difference yet: {difference} points (95 % interval {interval}).</source>
        <translation>Noch kein klarer Unterschied: {difference} Punkte (95-%-Intervall {interval}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journey raises conversion by {difference} points (95 % interval {interval}).</source>
        <translation>Die Journey hebt die Konversion um {difference} Punkte (95-%-Intervall {interval}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journey lowers conversion by {difference} points (95 % interval {interval}).</source>
        <translation>Die Journey senkt die Konversion um {difference} Punkte (95-%-Intervall {interval}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{message}, winner chosen on {metric}</source>
        <translation>{message}, Gewinner nach {metric}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: {recipients} recipients, {converted} converted, {best} probability to be best</source>
        <translation>{name}: {recipients} Empfänger, {converted} konvertiert, {best} Wahrscheinlichkeit, die beste zu sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick as winner…</source>
        <translation>Als Gewinner wählen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick the winner</source>
        <translation>Gewinner wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send variant {variant} to every customer from now on? This makes a new version of the journey.</source>
        <translation>Variante {variant} ab jetzt an alle Kunden senden? Dafür entsteht eine neue Version der Journey.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The winner was not picked: {reason}</source>
        <translation>Der Gewinner wurde nicht gewählt: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{revenue} {currency} · {conversions}/{recipients} conv.</source>
        <translation>{revenue} {currency} · {conversions}/{recipients} Konv.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} unsub.</source>
        <translation>{n} Abm.</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Reading the figures…</source>
        <translation>Die Zahlen werden gelesen…</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>What the simulation said and what happened</source>
        <translation>Was die Simulation sagte und was geschah</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recipients, simulated</source>
        <translation>Empfänger, simuliert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients, real</source>
        <translation>Empfänger, echt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions, simulated</source>
        <translation>Konversionen, simuliert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conversions, real</source>
        <translation>Konversionen, echt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue, simulated</source>
        <translation>Umsatz, simuliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue, real</source>
        <translation>Umsatz, echt</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>A backtest on the shop&apos;s past</source>
        <translation>Ein Backtest auf der Vergangenheit des Shops</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A simulation</source>
        <translation>Eine Simulation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} ({span}) said {revenue} {currency} from {conversions} orders; the shop&apos;s figures ({period}): {real_revenue} {currency} from {real_conversions} orders.</source>
        <translation>{what} ({span}) ergab {revenue} {currency} aus {conversions} Bestellungen; die Zahlen des Shops ({period}): {real_revenue} {currency} aus {real_conversions} Bestellungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>until {end}</source>
        <translation>bis {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
</context>
<context>
    <name>JourneyScene</name>
    <message>
        <location filename="../../widgets/canvas/scene.py" line="+241"/>
        <source>warning: {message}</source>
        <translation>Warnung: {message}</translation>
    </message>
</context>
<context>
    <name>JourneyTestsPanel</name>
    <message>
        <location filename="../../widgets/simulator/tests_panel.py" line="+57"/>
        <source>Save current run as a test…</source>
        <translation>Lauf als Test speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer, start and end of the simulation, with the path it took, become a test that must keep passing</source>
        <translation>Kunde, Start und Ende der Simulation samt dem gegangenen Pfad werden zu einem Test, der weiter bestehen muss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run all tests</source>
        <translation>Alle Tests ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay every test customer through the journey as it is now (Ctrl+T)</source>
        <translation>Jeden Testkunden erneut durch die Journey in ihrem jetzigen Stand schicken (Strg+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-run after every edit</source>
        <translation>Automatisch neu ausführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in simulator</source>
        <translation>Im Simulator öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load this test&apos;s customer and start into the simulator to step through it</source>
        <translation>Kunde und Start dieses Tests in den Simulator laden, um ihn Schritt für Schritt durchzugehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At (UTC)</source>
        <translation>Um (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Got</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>No tests yet. Simulate a customer, then save the run as a test.</source>
        <translation>Noch keine Tests. Simulieren Sie einen Kunden und speichern Sie den Lauf als Test.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} test(s), not run yet</source>
        <translation>{n} Test(s), noch nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{passed} passed · {failed} failed</source>
        <translation>{passed} bestanden · {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes: the customer takes the expected path.</source>
        <translation>Bestanden: Der Kunde nimmt den erwarteten Pfad.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>at {utc}</source>
        <translation>um {utc}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rename test</source>
        <translation>Test umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <location filename="../../widgets/canvas/view.py" line="+297"/>
        <source>Cut {count} node(s)</source>
        <translation>{count} Schritt(e) ausschneiden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
</context>
<context>
    <name>JsonRow</name>
    <message>
        <location filename="../../widgets/inspector/rule_rows.py" line="+366"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
</context>
<context>
    <name>LeafRow</name>
    <message>
        <location line="-268"/>
        <source>Negate this condition</source>
        <translation>Diese Bedingung negieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In segment</source>
        <translation>Im Segment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>of type</source>
        <translation>vom Typ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in the last</source>
        <translation>in den letzten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>since entering the journey</source>
        <translation>seit Eintritt in die Journey</translation>
    </message>
</context>
<context>
    <name>ListInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="-166"/>
        <source>a, b, c</source>
        <translation>a, b, c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate values with commas</source>
        <translation>Werte durch Kommas trennen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="+139"/>
        <source>unknown (not installed)</source>
        <translation>unbekannt (nicht installiert)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a journey from a template</source>
        <translation>Eine Journey aus einer Vorlage beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find a journey in the library</source>
        <translation>Eine Journey in der Bibliothek finden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft now (it is also saved automatically)</source>
        <translation>Den Entwurf jetzt speichern (das geschieht auch automatisch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import JSON…</source>
        <translation>JSON &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export JSON…</source>
        <translation>JSON &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Journey Builder</source>
        <translation>Journey Builder schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>An Fenster an&amp;passen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Auto-layout</source>
        <translation>Automatisch an&amp;ordnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;About Journey Builder</source>
        <translation>Ü&amp;ber Journey Builder</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No journey open — pick one in the library, or create one with File ▸ New</source>
        <translation>Keine Journey geöffnet – wählen Sie eine in der Bibliothek oder erstellen Sie eine mit Datei ▸ Neu</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Journeys</source>
        <translation>Journeys</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not open the journey</source>
        <translation>Die Journey konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened “{name}”</source>
        <translation>„{name}“ geöffnet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The changes to “{name}” could not be saved. Close it anyway and lose them?</source>
        <translation>Die Änderungen an „{name}“ konnten nicht gespeichert werden. Trotzdem schließen und die Änderungen verwerfen?</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved “{name}”</source>
        <translation>„{name}“ gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not save the journey</source>
        <translation>Die Journey konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{message}

Your changes are kept in the window and saved as soon as the problem is solved.</source>
        <translation>{message}

Ihre Änderungen bleiben im Fenster erhalten und werden gespeichert, sobald das Problem behoben ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Journey Builder</source>
        <translation>Journey Builder</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Theme changed</source>
        <translation>Design geändert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language changes at the next start</source>
        <translation>Die Sprache wechselt beim nächsten Start</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;Journey Builder {version}&lt;/h3&gt;&lt;p&gt;Customer journeys for small online shops: draw, simulate and send, on your own machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Journey Builder {version}&lt;/h3&gt;&lt;p&gt;Customer Journeys für kleine Onlineshops: zeichnen, simulieren und versenden – auf Ihrem eigenen Rechner.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About Journey Builder</source>
        <translation>Über Journey Builder</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="+110"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="-252"/>
        <source>Check the columns</source>
        <translation>Spalten prüfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example values</source>
        <translation>Beispielwerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read as</source>
        <translation>Lesen als</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Profile files: {n} customers with their orders and events, imported as they are.</source>
        <translation>Profildateien: {n} Kunden mit ihren Bestellungen und Ereignissen, unverändert importiert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a plain table</source>
        <translation>eine einfache Tabelle</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Custom property “{name}”</source>
        <translation>Eigene Eigenschaft „{name}“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Recognised: {system} (text encoding {encoding}, decimal mark “{decimal}”). Change what a column means where it is wrong; unknown columns become custom properties.</source>
        <translation>Erkannt: {system} (Zeichenkodierung {encoding}, Dezimalzeichen „{decimal}“). Ändern Sie die Bedeutung einer Spalte, wo sie nicht stimmt; unbekannte Spalten werden zu eigenen Eigenschaften.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns we do not know: {columns}.</source>
        <translation>Unbekannte Spalten: {columns}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused, as passwords and keys are never imported: {columns}.</source>
        <translation>Abgelehnt, da Passwörter und Schlüssel nie importiert werden: {columns}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refused: passwords or keys</source>
        <translation>Abgelehnt: Passwörter oder Schlüssel</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Decimal mark in amounts</source>
        <translation>Dezimalzeichen in Beträgen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Comma: 1.234,50</source>
        <translation>Komma: 1.234,50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point: 1,234.50</source>
        <translation>Punkt: 1,234.50</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message>
        <location filename="../../widgets/inspector/message_editor.py" line="+351"/>
        <source>Preview for {name}</source>
        <translation>Vorschau für {name}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>From: {name} &lt;{email}&gt;</source>
        <translation>Von: {name} &lt;{email}&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject: {subject}</source>
        <translation>Betreff: {subject}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{app} · {when}</source>
        <translation>{app} · {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../../widgets/inspector/inspector.py" line="-350"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{type} · id {id}</source>
        <translation>{type} · ID {id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{label} (optional)</source>
        <translation>{label} (optional)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Live preview</source>
        <translation>Live-Vorschau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a test to me…</source>
        <translation>Test an mich senden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends this message, as the preview shows it, to your own address, marked as a test</source>
        <translation>Sendet diese Nachricht, wie die Vorschau sie zeigt, als Test markiert an Ihre eigene Adresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a shop to send tests</source>
        <translation>Öffnen Sie einen Shop, um Tests zu senden</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Email designer — {node}</source>
        <translation>E-Mail-Designer – {node}</translation>
    </message>
</context>
<context>
    <name>PairInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="+35"/>
        <source>and</source>
        <translation>und</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../widgets/palette.py" line="+25"/>
        <source>Triggers</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delays</source>
        <translation>Wartezeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Search steps…</source>
        <translation>Schritte suchen…</translation>
    </message>
</context>
<context>
    <name>PopulationPanel</name>
    <message>
        <location filename="../../widgets/population_panel.py" line="+165"/>
        <source>The shop&apos;s customers</source>
        <translation>Die Kunden des Shops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated demo customers</source>
        <translation>Erzeugte Demo-Kunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forward from now</source>
        <translation>Ab jetzt vorwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest on the past</source>
        <translation>Backtest auf der Vergangenheit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+451"/>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location line="-446"/>
        <source>Customers:</source>
        <translation>Kunden:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No messages yet: run the population.</source>
        <translation>Noch keine Nachrichten: Starten Sie den Lauf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody entered yet.</source>
        <translation>Noch niemand eingetreten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>{n} sent</source>
        <translation>{n} gesendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} failed</source>
        <translation>{n} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} ▸ {outcomes}</source>
        <translation>{n} ▸ {outcomes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped: {reason}</source>
        <translation>übersprungen: {reason}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Entered</source>
        <translation>Eingetreten</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passes</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why skipped</source>
        <translation>Warum übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conv.</source>
        <translation>Konv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers who reached the step at least once</source>
        <translation>Kunden, die den Schritt mindestens einmal erreicht haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times a path went through the step: a customer who enters twice counts twice</source>
        <translation>Wie oft ein Weg durch den Schritt führte: ein Kunde, der zweimal eintritt, zählt zweimal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer / message</source>
        <translation>Kunde / Nachricht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by id, name or e-mail</source>
        <translation>Nach ID, Name oder E-Mail filtern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Messages per day</source>
        <translation>Nachrichten pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel</source>
        <translation>Trichter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who got what</source>
        <translation>Wer hat was bekommen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV:</source>
        <translation>CSV exportieren:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per node…</source>
        <translation>Pro Schritt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per day…</source>
        <translation>Pro Tag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer…</source>
        <translation>Pro Kunde…</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Fix the journey&apos;s problems first: {reason}</source>
        <translation>Beheben Sie zuerst die Probleme der Journey: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preparing {n} customers…</source>
        <translation>{n} Kunden werden vorbereitet…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The cards count passes through each step: {entries} entries by {customers} customers.</source>
        <translation>Die Karten zählen Durchläufe je Schritt: {entries} Eintritte von {customers} Kunden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{entered} of {customers} customers entered · {messages} messages ({sent}) · {conv} converted ({rate})</source>
        <translation>{entered} von {customers} Kunden eingetreten · {messages} Nachrichten ({sent}) · {conv} konvertiert ({rate})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run the population first: the list shows who would get which message.</source>
        <translation>Zuerst die Population ausführen: die Liste zeigt, wer welche Nachricht bekäme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This run did not keep who got which message.</source>
        <translation>Dieser Lauf hat nicht festgehalten, wer welche Nachricht bekam.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody would get a message in this run, so there is nobody to list.</source>
        <translation>In diesem Lauf bekäme niemand eine Nachricht, daher ist niemand aufzulisten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} entered</source>
        <translation>{n} eingetreten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n} ▸ {ports}</source>
        <translation>{n} ▸ {ports}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} conv.</source>
        <translation>{n} konv.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>{n} skipped</source>
        <translation>{n} übersprungen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{n} waiting</source>
        <translation>{n} wartend</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Converted</source>
        <translation>Konvertiert</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} messages</source>
        <translation>{n} Nachrichten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter the first {n} of {total} customers (the CSV has all)</source>
        <translation>Die ersten {n} von {total} Kunden filtern (die CSV enthält alle)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simulating {done} of {total} customers…</source>
        <translation>{done} von {total} Kunden werden simuliert…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulating: {done} customers…</source>
        <translation>Simulation: {done} Kunden…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled after {n} customers: the figures cover those.</source>
        <translation>Abgebrochen nach {n} Kunden: Die Zahlen beziehen sich auf diese.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} customers, {span}, in {secs:.1f} s.</source>
        <translation>{n} Kunden, {span}, in {secs:.1f} s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The run failed: {reason}</source>
        <translation>Der Lauf ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Look back:</source>
        <translation>Rückblick:</translation>
    </message>
</context>
<context>
    <name>PresetPicker</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="-111"/>
        <source>Gmail (free account)</source>
        <translation>Gmail (kostenloses Konto)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Google Workspace</source>
        <translation>Google Workspace (Geschäftskonto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microsoft 365 / Outlook</source>
        <translation>Microsoft 365 oder Outlook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brevo SMTP relay</source>
        <translation>Brevo (SMTP-Relay)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon SES (sandbox)</source>
        <translation>Amazon SES (Sandbox-Modus)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom server</source>
        <translation>Eigener Server</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled in from the provider&apos;s published limits: {minute} messages a minute, {day} a day. See the deliverability guide for the sources.</source>
        <translation>Aus den veröffentlichten Limits des Anbieters übernommen: {minute} Nachrichten pro Minute, {day} pro Tag. Die Quellen stehen im Leitfaden zur Zustellbarkeit.</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <location filename="../../widgets/problems.py" line="+50"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Journey settings</source>
        <translation>Journey-Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection {edge}</source>
        <translation>Verbindung {edge}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No journey open.</source>
        <translation>Keine Journey geöffnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems: this journey can run.</source>
        <translation>Keine Probleme: Diese Journey ist lauffähig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>{n} Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} warnings</source>
        <translation>{n} Warnungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot run until the errors are fixed</source>
        <translation>sie ist erst lauffähig, wenn die Fehler behoben sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it can run</source>
        <translation>sie ist lauffähig</translation>
    </message>
</context>
<context>
    <name>ReportPages</name>
    <message>
        <location filename="../../app/report_pages.py" line="+34"/>
        <source>the journey is not saved in the shop yet</source>
        <translation>die Journey ist noch nicht im Shop gespeichert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Variant {variant} of {node} goes to everyone: version {n} is live.</source>
        <translation>Variante {variant} von {node} geht an alle: Version {n} ist live.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variant {variant} of {node} is in the draft (version {n}).</source>
        <translation>Variante {variant} von {node} steht im Entwurf (Version {n}).</translation>
    </message>
</context>
<context>
    <name>RichEdit</name>
    <message>
        <location filename="../../widgets/email_designer/rich_edit.py" line="+87"/>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+183"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Link the selected words to an address</source>
        <translation>Die markierten Wörter mit einer Adresse verlinken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert variable</source>
        <translation>Variable einfügen</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Address (https://…), empty to unlink:</source>
        <translation>Adresse (https://…), leer zum Entfernen des Links:</translation>
    </message>
</context>
<context>
    <name>RuleBranchesEditor</name>
    <message>
        <location filename="../../widgets/inspector/branches.py" line="+152"/>
        <source>{n}. Branch</source>
        <translation>{n}. Zweig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this branch</source>
        <translation>Diesen Zweig entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>taken when:</source>
        <translation>genommen, wenn:</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+113"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts wurde importiert: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Abgebrochen. Nichts wurde importiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: fix these rows in the file and import it again (all or nothing, so your data is as it was).</source>
        <translation>Nichts wurde importiert: Korrigieren Sie diese Zeilen in der Datei und importieren Sie sie erneut (alles oder nichts, Ihre Daten sind unverändert).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> {n} more problems are not listed.</source>
        <translation> {n} weitere Probleme sind nicht aufgeführt.</translation>
    </message>
</context>
<context>
    <name>ScalarInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="-113"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value (text, number, true/false)</source>
        <translation>Wert (Text, Zahl, true/false)</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+132"/>
        <source>segment name</source>
        <translation>Segmentname</translation>
    </message>
</context>
<context>
    <name>SegmentsEditor</name>
    <message>
        <location filename="../../app/shop_pages.py" line="+7"/>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location filename="../../widgets/segments_editor.py" line="+98"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+160"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Customers in this segment:</source>
        <translation>Kunden in diesem Segment:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some of them:</source>
        <translation>Einige davon:</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Unsaved segment</source>
        <translation>Ungespeichertes Segment</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save the changes to “{name}”?</source>
        <translation>Die Änderungen an „{name}“ speichern?</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The new segment “{name}” is not saved yet. Save it?</source>
        <translation>Das neue Segment „{name}“ ist noch nicht gespeichert. Speichern?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{name} (not saved)</source>
        <translation>{name} (nicht gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new segment: Save keeps it</source>
        <translation>Ein neues Segment: Speichern behält es</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Built-in segments keep their name: journeys refer to it</source>
        <translation>Integrierte Segmente behalten ihren Namen: Journeys verweisen darauf</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>new_segment</source>
        <translation>neues_segment</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete segment</source>
        <translation>Segment löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the segment “{name}”? Journeys that use it will no longer find it.</source>
        <translation>Das Segment „{name}“ löschen? Journeys, die es verwenden, finden es dann nicht mehr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>Cannot save the segment</source>
        <translation>Das Segment kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Give the segment a name.</source>
        <translation>Geben Sie dem Segment einen Namen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Fix the rule to see who is in it</source>
        <translation>Korrigieren Sie die Regel, um zu sehen, wer dazugehört</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot count: {error}</source>
        <translation>Zählen nicht möglich: {error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} customers</source>
        <translation>{n} Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 customer</source>
        <translation>1 Kunde</translation>
    </message>
</context>
<context>
    <name>SessionMonitor</name>
    <message>
        <location filename="../../widgets/session_monitor.py" line="+94"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email sending…</source>
        <translation>E-Mail-Versand…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+164"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+69"/>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason or error</source>
        <translation>Grund oder Fehler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search journey, customer, reason…</source>
        <translation>Journey, Kunde, Grund suchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a message to see it as it was sent.</source>
        <translation>Eine Nachricht auswählen, um sie so zu sehen, wie sie verschickt wurde.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Mark as sent</source>
        <translation>Als gesendet markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uncertain: these may or may not have arrived</source>
        <translation>Unklar: Diese sind vielleicht angekommen, vielleicht auch nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole message went to the mail server, then the session stopped or the server&apos;s answer was lost. Sending it again could deliver it twice, so Journey Builder holds it (unless Email sending… says to send such mail again after a wait). Check the mailbox&apos;s sent folder, then mark each as sent or send it again.</source>
        <translation>Die ganze Nachricht ging an den Mailserver, dann wurde die Sitzung beendet oder die Antwort des Servers ging verloren. Erneutes Senden könnte sie doppelt zustellen, deshalb hält Journey Builder sie zurück (außer „E-Mail-Versand…“ legt fest, solche Mails nach einer Wartezeit erneut zu senden). Prüfen Sie den Ordner „Gesendet“ des Postfachs und markieren Sie dann jede als gesendet oder senden Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something in these customers&apos; data or in the journey made their run fail. Everyone else goes on; these wait until the customer has new data, the journey is published again, or you retry them.</source>
        <translation>Etwas in den Daten dieser Kunden oder in der Journey hat ihren Durchlauf scheitern lassen. Alle anderen laufen weiter; diese warten, bis der Kunde neue Daten hat, die Journey erneut veröffentlicht wird oder Sie sie erneut versuchen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry all</source>
        <translation>Alle erneut versuchen</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deferred</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain</source>
        <translation>unklar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the customer has not agreed to this channel</source>
        <translation>der Kunde hat in diesen Kanal nicht eingewilligt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address bounced before; nothing more is sent to it</source>
        <translation>die Adresse ist schon einmal unzustellbar gewesen; es wird nichts mehr an sie gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer no longer exists</source>
        <translation>den Kunden gibt es nicht mehr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late to send (the journey&apos;s catch-up policy skips late messages)</source>
        <translation>zu spät zum Senden (die Nachhol-Regel der Journey überspringt verspätete Nachrichten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up after repeated temporary failures</source>
        <translation>nach wiederholten vorübergehenden Fehlern aufgegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the journey was archived</source>
        <translation>die Journey wurde archiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed after review</source>
        <translation>nach Prüfung verworfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message&apos;s template failed for this customer</source>
        <translation>die Vorlage der Nachricht ist bei diesem Kunden fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than 20 messages from this journey in a day (safety cap)</source>
        <translation>mehr als 20 Nachrichten aus dieser Journey an einem Tag (Sicherheitsgrenze)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time ({zone})</source>
        <translation>Zeit ({zone})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Times are in the shop&apos;s time zone (Shop ▸ Shop settings…)</source>
        <translation>Zeiten in der Zeitzone des Shops (Shop ▸ Shop-Einstellungen…)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+37"/>
        <source>Customer id: {id}</source>
        <translation>Kunden-ID: {id}</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Parked: {n} customer run(s) failed and wait</source>
        <translation>Geparkt ({n}): fehlgeschlagene Kundendurchläufe warten</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>since {time}</source>
        <translation>seit {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next wake-up {time}</source>
        <translation>nächste Aktivierung {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{queued} queued · {sent} sent · {failed} failed · {uncertain} uncertain</source>
        <translation>{queued} in der Warteschlange · {sent} gesendet · {failed} fehlgeschlagen · {uncertain} unklar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending: {where}</source>
        <translation>Senden: {where}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Export the sending log</source>
        <translation>Versandprotokoll exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs advanced</source>
        <translation>Durchläufe bearbeitet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>worker</source>
        <translation>Helfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role}, gone</source>
        <translation>{role}, beendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workers: {n} at work</source>
        <translation>Helfer: {n} bei der Arbeit</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <location filename="../../app/session_pages.py" line="-284"/>
        <source>{n} message(s) were being sent when the last session stopped; review them below</source>
        <translation>{n} Nachricht(en) wurden gerade gesendet, als die letzte Sitzung beendet wurde; prüfen Sie sie unten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session could not start: {reason}</source>
        <translation>Die Sitzung konnte nicht gestartet werden: {reason}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>(next try {time})</source>
        <translation>(nächster Versuch {time})</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{n} sent</source>
        <translation>{n} gesendet</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter the SMTP server first.</source>
        <translation>Geben Sie zuerst den SMTP-Server ein.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../widgets/inspector/settings_form.py" line="+67"/>
        <source>Never (once per customer)</source>
        <translation>Nie (einmal pro Kunde)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the previous run has ended</source>
        <translation>Nachdem der vorige Durchlauf beendet ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always (even while a run is active)</source>
        <translation>Immer (auch während ein Durchlauf aktiv ist)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and at least</source>
        <translation>und frühestens</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>after it ended</source>
        <translation>nach dessen Ende</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop a customer&apos;s run when this holds</source>
        <translation>Den Durchlauf eines Kunden stoppen, wenn dies zutrifft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked just before each message is sent</source>
        <translation>Wird direkt vor jedem Versand geprüft</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No messages between</source>
        <translation>Keine Nachrichten zwischen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per</source>
        <translation>pro</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Journey settings</source>
        <translation>Journey-Einstellungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-entry</source>
        <translation>Erneuter Eintritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal: leave the journey when</source>
        <translation>Ziel: Journey verlassen, wenn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit filter</source>
        <translation>Austrittsfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours</source>
        <translation>Ruhezeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency cap</source>
        <translation>Frequenzobergrenze</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Keep</source>
        <translation>Halte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same customers are always kept out; the journey report compares what they bought with what the others bought</source>
        <translation>Es werden immer dieselben Kunden herausgehalten; der Journey-Bericht vergleicht, was sie gekauft haben, mit dem, was die anderen kauften</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> % of entrants out</source>
        <translation> % der Eintretenden heraus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and compare orders for</source>
        <translation>und vergleiche Bestellungen während</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after entry</source>
        <translation>nach dem Eintritt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Holdout: measure what the journey earns</source>
        <translation>Kontrollgruppe: messen, was die Journey einbringt</translation>
    </message>
</context>
<context>
    <name>ShopController</name>
    <message>
        <location filename="../../app/controller.py" line="+125"/>
        <source>look at the shop</source>
        <translation>Lesen des Shops</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not set up the demo shop in {path}: {reason}</source>
        <translation>Der Demo-Shop konnte in {path} nicht eingerichtet werden: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list the journeys</source>
        <translation>Auflisten der Journeys</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>open the journey</source>
        <translation>Öffnen der Journey</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no journey named “{name}”.</source>
        <translation>Es gibt keine Journey namens „{name}“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>read the segments</source>
        <translation>Lesen der Segmente</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>read the shop settings</source>
        <translation>Lesen der Shop-Einstellungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>read a sample customer</source>
        <translation>Lesen eines Beispielkunden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>save the journey</source>
        <translation>Speichern der Journey</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>create the journey</source>
        <translation>Anlegen der Journey</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rename the journey</source>
        <translation>Umbenennen der Journey</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate the journey</source>
        <translation>Duplizieren der Journey</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>delete the journey</source>
        <translation>Löschen der Journey</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>publish the journey</source>
        <translation>Veröffentlichen der Journey</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Untitled journey</source>
        <translation>Unbenannte Journey</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{path} is not a journey this app can use: {problem}</source>
        <translation>{path} ist keine Journey, die diese App verwenden kann: {problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>import the journey</source>
        <translation>Importieren der Journey</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+30"/>
        <source>Could not {what} in {path}: {reason}</source>
        <translation>Fehler beim {what} in {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ShopSettingsDialog</name>
    <message>
        <location filename="../../widgets/shop_settings.py" line="+62"/>
        <source>Shop settings</source>
        <translation>Shop-Einstellungen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender email</source>
        <translation>Absender-E-Mail</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+2"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="-8"/>
        <source> emails</source>
        <translation> E-Mails</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> orders</source>
        <translation> Bestellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer levels</source>
        <translation>Kundenstufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engagement looks back</source>
        <translation>Engagement-Rückblick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known after at least</source>
        <translation>Bekannt nach mindestens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Super active from an open rate of</source>
        <translation>Superaktiv ab einer Öffnungsrate von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsing when the last order is older than</source>
        <translation>Abwandernd, wenn die letzte Bestellung älter ist als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal with at least</source>
        <translation>Treu ab mindestens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… within</source>
        <translation>… innerhalb von</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+69"/>
        <location line="+46"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Regenerate…</source>
        <translation>Neu erzeugen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discount codes</source>
        <translation>Rabattcodes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>https://shop.example/journeys (a tunnel or reverse proxy)</source>
        <translation>https://shop.example/journeys (ein Tunnel oder Reverse-Proxy)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> a day (0: no cap)</source>
        <translation> pro Tag (0: unbegrenzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> a week (0: no cap)</source>
        <translation> pro Woche (0: unbegrenzt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hold it for me to review</source>
        <translation>zur Prüfung zurückhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send it again after a wait</source>
        <translation>nach einer Wartezeit erneut senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public address for unsubscribe links</source>
        <translation>Öffentliche Adresse für Abmeldelinks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without one, links point at this computer and only work here; the session will not mail customers through your account until it is set.</source>
        <translation>Ohne sie zeigen die Links auf diesen Computer und funktionieren nur hier; die Sitzung schickt Kunden erst dann E-Mails über Ihr Konto, wenn sie eingetragen ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Endpoint port on this computer</source>
        <translation>Port für Anfragen auf diesem Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API token for your shop&apos;s site</source>
        <translation>API-Token für die Website Ihres Shops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing emails per customer, at most</source>
        <translation>Marketing-E-Mails pro Kunde, höchstens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketing SMS per customer, at most</source>
        <translation>Marketing-SMS pro Kunde, höchstens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A message that may have arrived</source>
        <translation>Nachricht, die vielleicht angekommen ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… sent again after</source>
        <translation>… erneut gesendet nach</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New discount secret</source>
        <translation>Neues Rabattgeheimnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes already handed out will no longer be valid. Make a new secret?</source>
        <translation>Bereits ausgegebene Codes werden ungültig. Ein neues Geheimnis erzeugen?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The currency is a 3-letter code like EUR.</source>
        <translation>Die Währung ist ein dreibuchstabiger Code wie EUR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a time zone from the list (like Europe/Berlin).</source>
        <translation>Wählen Sie eine Zeitzone aus der Liste (z. B. Europe/Berlin).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sender email is not an email address.</source>
        <translation>Die Absender-E-Mail ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public address is a web address like https://shop.example/journeys.</source>
        <translation>Die öffentliche Adresse ist eine Webadresse wie https://shop.example/journeys.</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 days</source>
        <translation>5 Tage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An order counts for the last message received within</source>
        <translation>Eine Bestellung zählt für die letzte Nachricht, empfangen innerhalb von</translation>
    </message>
</context>
<context>
    <name>ShopTools</name>
    <message>
        <location filename="../../app/tools_wiring.py" line="+71"/>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Population run</source>
        <translation>Populationslauf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer calendar</source>
        <translation>Kundenkalender</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending session</source>
        <translation>Versandsitzung</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Simulate</source>
        <translation>&amp;Simulieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the &amp;simulator</source>
        <translation>&amp;Simulator anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Population run…</source>
        <translation>&amp;Populationslauf…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer &amp;calendar…</source>
        <translation>Kunden&amp;kalender…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;hop</source>
        <translation>S&amp;hop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Customers…</source>
        <translation>&amp;Kunden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Segments…</source>
        <translation>&amp;Segmente…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;customers…</source>
        <translation>&amp;Kunden importieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import &amp;orders…</source>
        <translation>&amp;Bestellungen importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;events…</source>
        <translation>&amp;Ereignisse importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop &amp;settings…</source>
        <translation>Shop-&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sess&amp;ion</source>
        <translation>Si&amp;tzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sending session…</source>
        <translation>&amp;Versandsitzung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email sending…</source>
        <translation>&amp;E-Mail-Versand…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Publish</source>
        <translation>Ver&amp;öffentlichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ar&amp;chive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Journey report</source>
        <translation>Journey-Bericht</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>What the journey &amp;earned…</source>
        <translation>Was die Journey &amp;einbrachte…</translation>
    </message>
</context>
<context>
    <name>SimClock</name>
    <message>
        <location filename="../../widgets/simulator/clock.py" line="+45"/>
        <source>Drag to the right to let time pass; the customer walks the journey up to that moment. Going back needs Reset.</source>
        <translation>Nach rechts ziehen, um Zeit vergehen zu lassen; der Kunde durchläuft die Journey bis zu diesem Moment. Zurück geht es nur mit Zurücksetzen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>day </source>
        <translation>Tag </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days after the start (day 0 is the start)</source>
        <translation>Tage nach dem Start (Tag 0 ist der Start)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump</source>
        <translation>Springen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the simulation to that day, at the start&apos;s time of day</source>
        <translation>Die Simulation bis zu diesem Tag laufen lassen, zur Uhrzeit des Starts</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>From {start} to {until} ({tz})</source>
        <translation>Von {start} bis {until} ({tz})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day {day} · {when}</source>
        <translation>Tag {day} · {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{utc} (UTC) · customer&apos;s time zone: {tz}</source>
        <translation>{utc} (UTC) · Zeitzone des Kunden: {tz}</translation>
    </message>
</context>
<context>
    <name>SimulationPages</name>
    <message>
        <location filename="../../app/simulation_pages.py" line="+55"/>
        <source>Could not read the shop: {reason}</source>
        <translation>Der Shop konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the journey tests: {reason}</source>
        <translation>Die Journey-Tests konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save the journey tests: {reason}</source>
        <translation>Die Journey-Tests konnten nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not load customer {id}: {reason}</source>
        <translation>Kunde {id} konnte nicht geladen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="+20"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no consent for this channel</source>
        <translation>keine Einwilligung für diesen Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address for this channel</source>
        <translation>keine Adresse für diesen Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the frequency cap is reached</source>
        <translation>die Frequenzobergrenze ist erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late (catch-up policy)</source>
        <translation>zu spät (Nachhol-Regel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than 20 messages from this journey in a day (safety cap)</source>
        <translation>mehr als 20 Nachrichten aus dieser Journey an einem Tag (Sicherheitsgrenze)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reached the goal</source>
        <translation>hat das Ziel erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all paths ended</source>
        <translation>alle Pfade sind beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer fits the journey (exit filter)</source>
        <translation>passt nicht mehr zur Journey (Austrittsfilter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the simulation stopped here</source>
        <translation>die Simulation hat hier angehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped: the journey loops without waiting</source>
        <translation>gestoppt: Die Journey läuft im Kreis, ohne zu warten</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entered the journey</source>
        <translation>In die Journey eingetreten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waits for the event, at most until {until}</source>
        <translation>Wartet auf das Ereignis, höchstens bis {until}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until {until}</source>
        <translation>Wartet bis {until}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took the “{port}” way</source>
        <translation>Hat den Weg „{port}“ genommen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} sent: {headline}</source>
        <translation>{channel} gesendet: {headline}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[code {code}]</source>
        <translation>[Code {code}]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{channel} not sent: {reason}</source>
        <translation>{channel} nicht gesendet: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel} not sent: the template failed ({error})</source>
        <translation>{channel} nicht gesendet: Fehler in der Vorlage ({error})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} held back by quiet hours until {until}</source>
        <translation>{channel} wegen Ruhezeiten zurückgehalten bis {until}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left the journey: {reason}</source>
        <translation>Hat die Journey verlassen: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reached the End step: this path is over</source>
        <translation>Ende-Schritt erreicht: dieser Weg ist zu Ende</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tagged “{tag}”</source>
        <translation>mit „{tag}“ markiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{property} set to {value}</source>
        <translation>{property} auf {value} gesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer updated: {change}</source>
        <translation>Kunde aktualisiert: {change}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/timeline.py" line="+88"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {utc} UTC</source>
        <translation>bis {utc} UTC</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/previews.py" line="+95"/>
        <location filename="../../widgets/simulator/timeline.py" line="+9"/>
        <source>The customer</source>
        <translation>Der Kunde</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="-89"/>
        <source>kept out to measure what the journey earns (holdout group)</source>
        <translation>herausgehalten, um zu messen, was die Journey einbringt (Kontrollgruppe)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>[variant {variant}]</source>
        <translation>[Variante {variant}]</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../../widgets/simulator/panel.py" line="+59"/>
        <source>orders</source>
        <translation>bestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opens an email</source>
        <translation>E-Mail öffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abandons a cart</source>
        <translation>Warenkorb abbricht</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the next thing the journey does with this customer</source>
        <translation>Den nächsten Schritt ausführen, den die Journey mit diesem Kunden macht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next message</source>
        <translation>Nächste Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until a message is sent or skipped</source>
        <translation>Laufen lassen, bis eine Nachricht gesendet oder übersprungen wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run to end</source>
        <translation>Bis zum Ende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until the end of the simulated period</source>
        <translation>Bis zum Ende des simulierten Zeitraums laufen lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the start, with the customer as described</source>
        <translation>Zurück zum Start, mit dem Kunden wie beschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as test…</source>
        <translation>Als Test speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this customer and the path taken so far as a journey test</source>
        <translation>Diesen Kunden und den bisherigen Pfad als Journey-Test speichern</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+437"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="-436"/>
        <source>Run</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+368"/>
        <source>What if, now, the customer…</source>
        <translation>Wenn der Kunde jetzt…</translation>
    </message>
    <message>
        <location line="-362"/>
        <source>Adds a “{event}” event at the current moment and shows what follows</source>
        <translation>Fügt zum aktuellen Zeitpunkt ein Ereignis „{event}“ hinzu und zeigt, was folgt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>other event</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>nothing changes right now</source>
        <translation>im Moment ändert sich nichts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What if “{event}” at {when}: {consequence}</source>
        <translation>Was, wenn „{event}“ um {when}: {consequence}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Open a journey to simulate it.</source>
        <translation>Öffnen Sie eine Journey, um sie zu simulieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the journey first ({n} error(s); first: {problem}).</source>
        <translation>Beheben Sie zuerst die Fehler der Journey ({n} Fehler; erster: {problem}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journey cannot run: {reason}</source>
        <translation>Die Journey ist nicht lauffähig: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The customer cannot be simulated: {reason}</source>
        <translation>Der Kunde kann nicht simuliert werden: {reason}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Waiting at “{node}” until {when}</source>
        <translation>Wartet bei „{node}“ bis {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting at “{node}” for the event, at most until {when}</source>
        <translation>Wartet bei „{node}“ auf das Ereignis, höchstens bis {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held at “{node}” by quiet hours until {when}</source>
        <translation>Bei „{node}“ wegen Ruhezeiten angehalten bis {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At “{node}”, about to act</source>
        <translation>Bei „{node}“, gleich geht es weiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The simulation is over ({n} step(s)).</source>
        <translation>Die Simulation ist beendet ({n} Schritt(e)).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in the journey any more.</source>
        <translation>Nicht mehr in der Journey.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in the journey yet.</source>
        <translation>Noch nicht in der Journey.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next thing happens {when}.</source>
        <translation>Als Nächstes passiert etwas {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing more will happen: add an event or a what-if.</source>
        <translation>Es passiert nichts mehr: Fügen Sie ein Ereignis oder ein Was-wäre-wenn hinzu.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>until {when}</source>
        <translation>bis {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here</source>
        <translation>hier</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Another event…</source>
        <translation>Anderes Ereignis…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the journey cannot run</source>
        <translation>die Journey ist nicht lauffähig</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as journey test</source>
        <translation>Als Journey-Test speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test name:</source>
        <translation>Testname:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{n} message(s)</source>
        <translation>{n} Nachricht(en)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../widgets/start_page.py" line="+30"/>
        <source>Welcome to Journey Builder</source>
        <translation>Willkommen bei Journey Builder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journey Builder sends your customers the right message at the right moment: a welcome series, a reminder about a forgotten cart, a birthday coupon. You draw each journey as steps on a canvas, try it on customers before anyone gets mail, then let the sending session deliver it.</source>
        <translation>Journey Builder schickt Ihren Kunden die richtige Nachricht im richtigen Moment: eine Willkommensserie, eine Erinnerung an einen vergessenen Warenkorb, einen Geburtstagsgutschein. Sie zeichnen jede Journey als Schritte auf einer Arbeitsfläche, probieren sie an Kunden aus, bevor jemand Post bekommt, und lassen sie dann von der Versandsitzung zustellen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>1. Open a template</source>
        <translation>1. Eine Vorlage öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from one of the ready journeys and change the texts to your shop&apos;s.</source>
        <translation>Beginnen Sie mit einer der fertigen Journeys und passen Sie die Texte an Ihren Shop an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a template…</source>
        <translation>Vorlage öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Simulate a customer</source>
        <translation>2. Einen Kunden simulieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a customer and see, day by day, which messages they would get and why. Nothing is sent.</source>
        <translation>Wählen Sie einen Kunden und sehen Sie Tag für Tag, welche Nachrichten er bekäme und warum. Es wird nichts gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate a customer</source>
        <translation>Kunden simulieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Start sending to the local catcher</source>
        <translation>3. An den lokalen Catcher senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the sending session without a mail account: every email is kept as a file in a folder on this computer, so you can read what customers would get.</source>
        <translation>Starten Sie die Versandsitzung ohne Mail-Konto: jede E-Mail wird als Datei in einem Ordner auf diesem Computer abgelegt, so lesen Sie, was Kunden bekämen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start sending to the catcher</source>
        <translation>An den Catcher senden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The user guide explains every panel (Help ▸ User guide, F1). This page stays at Help ▸ Start page.</source>
        <translation>Das Benutzerhandbuch erklärt jedes Panel (Hilfe ▸ Benutzerhandbuch, F1). Diese Seite bleibt unter Hilfe ▸ Startseite erreichbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the user guide</source>
        <translation>Benutzerhandbuch öffnen</translation>
    </message>
</context>
<context>
    <name>StepPreview</name>
    <message>
        <location filename="../../widgets/simulator/previews.py" line="-48"/>
        <source>Step through the journey; the selected step shows here, and a sent message as the customer gets it.</source>
        <translation>Gehen Sie die Journey Schritt für Schritt durch; der gewählte Schritt erscheint hier, eine gesendete Nachricht so, wie der Kunde sie erhält.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no rule to explain (random split or event wait)</source>
        <translation>keine Regel zu erklären (Zufallsaufteilung oder Warten auf Ereignis)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} characters · {encoding} · {segments} segment(s)</source>
        <translation>{n} Zeichen · {encoding} · {segments} Segment(e)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Language variant: {language}</source>
        <translation>Sprachvariante: {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message&apos;s own text</source>
        <translation>der eigene Text der Nachricht</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../widgets/inspector/message_editor.py" line="-361"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event that started the journey</source>
        <translation>Ereignis, das die Journey gestartet hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name, or “there”</source>
        <translation>Vorname (mit Ersatzwort)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart value</source>
        <translation>Warenkorbwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart link</source>
        <translation>Warenkorb-Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart products (list)</source>
        <translation>Produkte im Warenkorb (Liste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entered at</source>
        <translation>Eingetreten um</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of orders</source>
        <translation>Anzahl Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Gesamtumsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order value</source>
        <translation>Wert der letzten Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order date</source>
        <translation>Datum der letzten Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop name</source>
        <translation>Shop-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop website</source>
        <translation>Shop-Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link</source>
        <translation>Abmeldelink</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Insert variable</source>
        <translation>Variable einfügen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counted on the text as the preview customer would get it, with the variables filled in</source>
        <translation>Gezählt am Text, wie ihn der Vorschau-Kunde erhalten würde, mit ausgefüllten Variablen</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>{n} characters · {encoding} · {segments} segment(s)</source>
        <translation>{n} Zeichen · {encoding} · {segments} Segment(e)</translation>
    </message>
</context>
<context>
    <name>TestSend</name>
    <message>
        <location filename="../../app/test_send.py" line="+53"/>
        <source>Give an address to send the test to.</source>
        <translation>Geben Sie eine Adresse für den Test an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no way to send {channel} messages.</source>
        <translation>Es gibt keinen Weg, {channel}-Nachrichten zu senden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[Test]</source>
        <translation>[Test]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the webhook</source>
        <translation>der Webhook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the local outbox</source>
        <translation>der lokale Postausgang</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test was not sent: {reason}</source>
        <translation>Der Test wurde nicht gesendet: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test sent to {to} ({where}).</source>
        <translation>Test an {to} gesendet ({where}).</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/simulator/timeline.py" line="-63"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
</context>
<context>
    <name>UndoNames</name>
    <message>
        <location filename="../../app/undo_wiring.py" line="+35"/>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Rückgängig: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Wiederholen: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>VariantsEditor</name>
    <message>
        <location filename="../../widgets/email_designer/fields.py" line="+46"/>
        <source>Add language</source>
        <translation>Sprache hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers get the variant of their language, else the shop&apos;s fallback language, else the message&apos;s own text.</source>
        <translation>Kunden erhalten die Variante ihrer Sprache, sonst die der Ersatzsprache des Shops, sonst den eigenen Text der Nachricht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The message&apos;s own text</source>
        <translation>Eigener Text der Nachricht</translation>
    </message>
</context>
<context>
    <name>WeekdaysEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-120"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
</context>
<context>
    <name>WeightBranchesEditor</name>
    <message>
        <location filename="../../widgets/inspector/branches.py" line="+38"/>
        <source>weight </source>
        <translation>Gewicht </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove this branch</source>
        <translation>Diesen Zweig entfernen</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <location line="-142"/>
        <source>+ Branch</source>
        <translation>+ Zweig</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>branch name</source>
        <translation>Name des Zweigs</translation>
    </message>
</context>
<context>
    <name>branches</name>
    <message>
        <location line="-81"/>
        <source>Every branch needs a name.</source>
        <translation>Jeder Zweig braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch names must differ: {names}</source>
        <translation>Zweignamen müssen sich unterscheiden: {names}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../widgets/commands.py" line="+53"/>
        <source>Add {name}</source>
        <translation>{name} hinzufügen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connect {source} → {target}</source>
        <translation>{source} → {target} verbinden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Disconnect {source} → {target}</source>
        <translation>Verbindung {source} → {target} lösen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete {count} item(s)</source>
        <translation>{count} Element(e) löschen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move {count} node(s)</source>
        <translation>{count} Schritt(e) verschieben</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>rename “{old}” to “{new}”</source>
        <translation>„{old}“ in „{new}“ umbenennen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>change the kind of “{node}”</source>
        <translation>Art von „{node}“ ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change “{node}”</source>
        <translation>„{node}“ ändern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>change {field} of “{node}”</source>
        <translation>{field} von „{node}“ ändern</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Edit journey settings</source>
        <translation>Journey-Einstellungen bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename journey</source>
        <translation>Journey umbenennen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reconnect {source}</source>
        <translation>{source} neu verbinden</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/session_pages.py" line="+22"/>
        <source>Could not save the email settings</source>
        <translation>Die E-Mail-Einstellungen konnten nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <location filename="../../widgets/events_catalogue.py" line="+28"/>
        <source>Signed up</source>
        <translation>Hat sich registriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed an order</source>
        <translation>Hat bestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandoned a cart</source>
        <translation>Hat einen Warenkorb verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the cart</source>
        <translation>Hat etwas in den Warenkorb gelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viewed a product</source>
        <translation>Hat ein Produkt angesehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was sent an email</source>
        <translation>Hat eine E-Mail erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened an email</source>
        <translation>Hat eine E-Mail geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicked a link in an email</source>
        <translation>Hat einen Link in einer E-Mail angeklickt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribed to the newsletter</source>
        <translation>Hat den Newsletter abonniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribed from the newsletter</source>
        <translation>Hat den Newsletter abbestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has a payment due</source>
        <translation>Hat eine fällige Zahlung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Hat bezahlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote a review</source>
        <translation>Hat eine Bewertung geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile changed by hand</source>
        <translation>Profil von Hand geändert</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+183"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timezone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale</source>
        <translation>Sprache und Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdate</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up at</source>
        <translation>Registriert am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since signup</source>
        <translation>Tage seit Registrierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to email</source>
        <translation>Willigt in E-Mails ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to sms</source>
        <translation>Willigt in SMS ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to push</source>
        <translation>Willigt in Push ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of orders</source>
        <translation>Anzahl Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Gesamtumsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average order value</source>
        <translation>Durchschnittlicher Bestellwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order at</source>
        <translation>Letzte Bestellung am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order value</source>
        <translation>Wert der letzten Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since last order</source>
        <translation>Tage seit der letzten Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of events</source>
        <translation>Anzahl Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered the journey at</source>
        <translation>In die Journey eingetreten am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle stage</source>
        <translation>Lebenszyklus-Phase</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <location filename="../../app/gui.py" line="+88"/>
        <source>Cannot open the shop database</source>
        <translation>Die Shop-Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem}

Journey Builder has not changed the file. Start it with --db PATH to use another database.</source>
        <translation>{problem}

Journey Builder hat die Datei nicht verändert. Starten Sie es mit --db PFAD, um eine andere Datenbank zu verwenden.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Journey Builder</source>
        <translation>Journey Builder</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../app/screenshots.py" line="+121"/>
        <source>Setting up the demo shop: customers, orders and ten ready journeys…</source>
        <translation>Der Demo-Shop wird eingerichtet: Kunden, Bestellungen und zehn fertige Journeys…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not set up the demo shop</source>
        <translation>Der Demo-Shop konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <location line="+156"/>
        <location line="+42"/>
        <source>journey-builder: no journey named “{name}”</source>
        <translation>journey-builder: keine Journey namens „{name}“</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>journey-builder: could not write the screenshot to {path}</source>
        <translation>journey-builder: Der Screenshot konnte nicht nach {path} geschrieben werden</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+4"/>
        <source>Customer ID</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name (split into first and last)</source>
        <translation>Vollständiger Name (in Vor- und Nachname aufgeteilt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdate</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region / state</source>
        <translation>Region / Bundesland</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up at</source>
        <translation>Registriert am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to email</source>
        <translation>Willigt in E-Mails ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to SMS</source>
        <translation>Willigt in SMS ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to push</source>
        <translation>Willigt in Push ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order ID</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer email</source>
        <translation>Kunden-E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed at</source>
        <translation>Bestellt am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item name</source>
        <translation>Artikelname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item SKU</source>
        <translation>Artikel-SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item quantity</source>
        <translation>Artikelmenge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item price</source>
        <translation>Artikelpreis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Happened at</source>
        <translation>Passiert am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>Bestellstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled at</source>
        <translation>Storniert am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart ID</source>
        <translation>Warenkorb-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item image URL</source>
        <translation>Bild-URL des Artikels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line items (a list)</source>
        <translation>Artikel (eine Liste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s first name</source>
        <translation>Vorname des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s last name</source>
        <translation>Nachname des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s full name</source>
        <translation>Vollständiger Name des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s phone</source>
        <translation>Telefon des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s city</source>
        <translation>Stadt des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s region / state</source>
        <translation>Region / Bundesland des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s country</source>
        <translation>Land des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s postal code</source>
        <translation>Postleitzahl des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s language</source>
        <translation>Sprache des Gasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest consents to email</source>
        <translation>Gast willigt in E-Mails ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandoned at</source>
        <translation>Abgebrochen am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart value</source>
        <translation>Warenkorbwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart link</source>
        <translation>Link zum Warenkorb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed at (bought)</source>
        <translation>Abgeschlossen am (gekauft)</translation>
    </message>
</context>
<context>
    <name>locale</name>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="-52"/>
        <source>en</source>
        <translation>de</translation>
    </message>
</context>
<context>
    <name>outcomes</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="-236"/>
        <location filename="../../widgets/simulator/reasons.py" line="+50"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../widgets/simulator/reasons.py" line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next</source>
        <translation>weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no consent</source>
        <translation>keine Einwilligung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frequency cap</source>
        <translation>Häufigkeitslimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shop&apos;s daily cap</source>
        <translation>Tageslimit des Shops</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety cap</source>
        <translation>Sicherheitslimit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late</source>
        <translation>zu spät</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+5"/>
        <source>SSL/TLS</source>
        <translation>Verschlüsselt mit SSL/TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STARTTLS</source>
        <translation>Verschlüsselt mit STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Keine (unverschlüsselt)</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+9"/>
        <source>port &apos;{port}&apos; is not connected (customers taking it end here)</source>
        <translation>Ausgang „{port}“ ist nicht verbunden (Kunden, die ihn nehmen, enden hier)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable: no path leads here from the trigger</source>
        <translation>unerreichbar: Kein Weg führt vom Auslöser hierher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the journey has no trigger (it needs exactly one)</source>
        <translation>die Journey hat keinen Auslöser (sie braucht genau einen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a second trigger (the journey needs exactly one; the first is &apos;{first}&apos;)</source>
        <translation>ein zweiter Auslöser (die Journey braucht genau einen; der erste ist „{first}“)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an edge leads into the trigger &apos;{trigger}&apos;</source>
        <translation>eine Verbindung führt in den Auslöser „{trigger}“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a loop with no delay or wait in it would repeat forever at one instant ({path})</source>
        <translation>eine Schleife ohne Wartezeit würde sich im selben Augenblick endlos wiederholen ({path})</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <location filename="../../widgets/simulator/reasons.py" line="-25"/>
        <source>exactly {value}</source>
        <translation>genau {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>anything but {value}</source>
        <translation>alles außer {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than {value}</source>
        <translation>mehr als {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least {value}</source>
        <translation>mindestens {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than {value}</source>
        <translation>weniger als {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most {value}</source>
        <translation>höchstens {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of {value}</source>
        <translation>eines von {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none of {value}</source>
        <translation>keines von {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it to contain {value}</source>
        <translation>dass es {value} enthält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>between {value}</source>
        <translation>zwischen {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value</source>
        <translation>einen Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no value</source>
        <translation>keinen Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within {value}</source>
        <translation>innerhalb von {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{km} km of {place}</source>
        <translation>{km} km um {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{low} and {high}</source>
        <translation>{low} und {high}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>since entering the journey</source>
        <translation>seit Eintritt in die Journey</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the last {window}</source>
        <translation>in den letzten {window}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not met</source>
        <translation>nicht erfüllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who} is in the segment “{segment}”</source>
        <translation>{who} ist im Segment „{segment}“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{who} is not in the segment “{segment}”</source>
        <translation>{who} ist nicht im Segment „{segment}“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who}: {field}{scope} is {actual}; the rule needs {needs} — {verdict}</source>
        <translation>{who}: {field}{scope} ist {actual}; die Regel verlangt {needs} — {verdict}</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+57"/>
        <source>When an event happens</source>
        <translation>Wenn ein Ereignis eintritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the journey when the customer does something (signs up, abandons a cart…).</source>
        <translation>Startet die Journey, wenn der Kunde etwas tut (sich registriert, einen Warenkorb abbricht…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if</source>
        <translation>Nur wenn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a customer stops buying</source>
        <translation>Wenn ein Kunde nicht mehr kauft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts when the customer&apos;s last order becomes this old.</source>
        <translation>Startet, wenn die letzte Bestellung des Kunden so alt geworden ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a date</source>
        <translation>An einem Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts on a date of the customer&apos;s (birthday, signup anniversary), before or after it.</source>
        <translation>Startet an einem Datum des Kunden (Geburtstag, Jahrestag der Registrierung), davor oder danach.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset</source>
        <translation>Versatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a customer joins a segment</source>
        <translation>Wenn ein Kunde in ein Segment kommt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts when the customer enters a segment.</source>
        <translation>Startet, wenn der Kunde in ein Segment kommt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits a fixed time. Days, weeks and months follow the customer&apos;s calendar.</source>
        <translation>Wartet eine feste Zeit. Tage, Wochen und Monate folgen dem Kalender des Kunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for</source>
        <translation>Warten für</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until a date</source>
        <translation>Warten bis zu einem Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until a date of the customer&apos;s (with an offset); goes on at once if it has passed.</source>
        <translation>Wartet bis zu einem Datum des Kunden (mit Versatz); geht sofort weiter, wenn es vorbei ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for a time of day</source>
        <translation>Warten auf eine Uhrzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until the next such local time (now included), on the chosen weekdays.</source>
        <translation>Wartet bis zur nächsten solchen Ortszeit (jetzt eingeschlossen), an den gewählten Wochentagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If / else</source>
        <translation>Wenn / sonst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes on by &apos;yes&apos; when the rule holds, by &apos;no&apos; otherwise.</source>
        <translation>Geht über „ja“ weiter, wenn die Regel zutrifft, sonst über „nein“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by rules</source>
        <translation>Nach Regeln aufteilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first branch whose rule holds is taken; the &apos;else&apos; branch otherwise.</source>
        <translation>Der erste Zweig, dessen Regel zutrifft, wird genommen; sonst der Zweig „sonst“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branches</source>
        <translation>Zweige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Otherwise</source>
        <translation>Sonst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random split</source>
        <translation>Zufällige Aufteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends each customer down one branch at random, by weight (an A/B test).</source>
        <translation>Schickt jeden Kunden zufällig nach Gewicht in einen Zweig (ein A/B-Test).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for an event</source>
        <translation>Auf ein Ereignis warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;yes&apos; as soon as the event happens, &apos;no&apos; when the time runs out first.</source>
        <translation>„ja“, sobald das Ereignis eintritt, „nein“, wenn die Zeit vorher abläuft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends an email.</source>
        <translation>Sendet eine E-Mail.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code unique to the customer and this message</source>
        <translation>Ein Code nur für diesen Kunden und diese Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a text message.</source>
        <translation>Sendet eine SMS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push notification</source>
        <translation>Push-Benachrichtigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a push notification to the shop&apos;s app.</source>
        <translation>Sendet eine Push-Benachrichtigung an die App des Shops.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends the customer&apos;s journey on this path (as a way that leads nowhere does, but said).</source>
        <translation>Beendet die Journey des Kunden auf diesem Weg (wie ein Ausgang, der nirgends hinführt, nur ausdrücklich).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update customer</source>
        <translation>Kunden aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a tag to the customer or sets one of their properties; later steps see it.</source>
        <translation>Fügt dem Kunden ein Tag hinzu oder setzt eine seiner Eigenschaften; spätere Schritte sehen es.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set property</source>
        <translation>Eigenschaft setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body is</source>
        <translation>Format des Inhalts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind of message</source>
        <translation>Art der Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactional messages go without marketing consent and caps, never to a bounced address</source>
        <translation>Transaktionale Nachrichten gehen ohne Marketing-Einwilligung und Obergrenzen raus, aber nie an eine unzustellbare Adresse</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text is mailed as written, with an HTML part made from it; HTML as written; blocks are designed in the email designer</source>
        <translation>Text wird so verschickt, wie er geschrieben ist, mit einem daraus gemachten HTML-Teil; HTML so, wie es geschrieben ist; Blöcke werden im E-Mail-Designer gestaltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design</source>
        <translation>Gestaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message in other languages; the customer&apos;s language picks one</source>
        <translation>Die Nachricht in anderen Sprachen; die Sprache des Kunden wählt eine aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A/B test</source>
        <translation>A/B-Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants of this message, split between customers; the best one can be picked later</source>
        <translation>Varianten dieser Nachricht, auf die Kunden verteilt; die beste kann später gewählt werden</translation>
    </message>
</context>
<context>
    <name>rule_rows</name>
    <message>
        <location filename="../../widgets/inspector/rule_rows.py" line="-95"/>
        <source>is on</source>
        <translation>ist am</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is after</source>
        <translation>ist nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is more than</source>
        <translation>ist mehr als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is on or after</source>
        <translation>ist am oder nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is at least</source>
        <translation>ist mindestens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is before</source>
        <translation>ist vor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is less than</source>
        <translation>ist weniger als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is on or before</source>
        <translation>ist am oder vor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is at most</source>
        <translation>ist höchstens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is one of</source>
        <translation>ist eines von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is none of</source>
        <translation>ist keines von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is between</source>
        <translation>liegt zwischen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is known</source>
        <translation>ist bekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is unknown</source>
        <translation>ist unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is within</source>
        <translation>liegt im Umkreis von</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+92"/>
        <source>demographic</source>
        <translation>demografisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>behavioural</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
</context>
<context>
    <name>summaries</name>
    <message>
        <location filename="../../widgets/summaries.py" line="+24"/>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in</source>
        <translation>nicht in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exists</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>within</source>
        <translation>im Umkreis von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} year</source>
        <translation>{n} Jahr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} years</source>
        <translation>{n} Jahre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} month</source>
        <translation>{n} Monat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} months</source>
        <translation>{n} Monate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} week</source>
        <translation>{n} Woche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} weeks</source>
        <translation>{n} Wochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} day</source>
        <translation>{n} Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} hour</source>
        <translation>{n} Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} hours</source>
        <translation>{n} Stunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} minute</source>
        <translation>{n} Minute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} minutes</source>
        <translation>{n} Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} second</source>
        <translation>{n} Sekunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} seconds</source>
        <translation>{n} Sekunden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no time</source>
        <translation>keine Zeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{km} km of {place}</source>
        <translation>{km} km um {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not ({rule})</source>
        <translation>nicht ({rule})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in segment {segment}</source>
        <translation>im Segment {segment}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{event} events</source>
        <translation>{event}-Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} in last {window}</source>
        <translation>{field} in den letzten {window}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} since entry</source>
        <translation>{field} seit Eintritt</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Next {at} ({days})</source>
        <translation>Nächstes Mal {at} ({days})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next {at}</source>
        <translation>Nächstes Mal {at}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random: {parts}</source>
        <translation>Zufällig: {parts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMS: {text}</source>
        <translation>SMS: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journey ends here</source>
        <translation>Die Journey endet hier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag “{tag}”</source>
        <translation>Tag „{tag}“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set {property} to {value}</source>
        <translation>{property} auf {value} setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the customer</source>
        <translation>Kunden aktualisieren</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>When {event}</source>
        <translation>Wenn {event}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, if {rule}</source>
        <translation>, wenn {rule}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{after} after the last order</source>
        <translation>{after} nach der letzten Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On {field}</source>
        <translation>Am {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{offset} before {field}</source>
        <translation>{offset} vor {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{offset} after {field}</source>
        <translation>{offset} nach {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins segment {segment}</source>
        <translation>Kommt in Segment {segment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait {duration}</source>
        <translation>{duration} warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until {when}</source>
        <translation>Bis {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split: {ports}</source>
        <translation>Aufteilung: {ports}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for {event} (at most {timeout})</source>
        <translation>Auf {event} warten (höchstens {timeout})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email: {subject}</source>
        <translation>E-Mail: {subject}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push: {title}</source>
        <translation>Push: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/screenshots.py" line="-3"/>
        <source>About Journey Builder</source>
        <translation>Über Journey Builder</translation>
    </message>
</context>
</TS>
