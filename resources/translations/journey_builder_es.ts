<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AbTestEditor</name>
    <message>
        <location filename="../../widgets/inspector/ab_test_editor.py" line="+52"/>
        <source>Test variants of this message</source>
        <translation>Probar variantes de este mensaje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each customer always gets the same variant; the report shows how each one does and how likely it is to be the best</source>
        <translation>Cada cliente recibe siempre la misma variante; el informe muestra cómo funciona cada una y la probabilidad de que sea la mejor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ Variant</source>
        <translation>+ Variante</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicks (where the shop records them)</source>
        <translation>Clics (donde la tienda los registra)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick the winner on its own at</source>
        <translation>Elegir el ganador solo a partir de</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> % probability to be best</source>
        <translation> % de probabilidad de ser la mejor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> recipients per variant at least</source>
        <translation> destinatarios por variante como mínimo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Winner chosen on</source>
        <translation>Ganador según</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>weight </source>
        <translation>peso </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this variant</source>
        <translation>Quitar esta variante</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the message&apos;s own</source>
        <translation>{field}: el del mensaje</translation>
    </message>
</context>
<context>
    <name>BlockForm</name>
    <message>
        <location filename="../../widgets/email_designer/designer.py" line="+440"/>
        <source>The shop&apos;s logo (Shop settings ▸ Email design), linked to its website.</source>
        <translation>El logotipo de la tienda (Ajustes de la tienda ▸ Diseño de correo), enlazado a su web.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links to the shop&apos;s profiles from Shop settings ▸ Email design.</source>
        <translation>Enlaces a los perfiles de la tienda de Ajustes de la tienda ▸ Diseño de correo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s name and address, and the unsubscribe link: always there in marketing email.</source>
        <translation>El nombre y la dirección de la tienda y el enlace de baja: siempre presentes en el correo de marketing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A thin line between blocks.</source>
        <translation>Una línea fina entre bloques.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each item&apos;s picture, name, quantity and price, linked to its page.</source>
        <translation>La foto, el nombre, la cantidad y el precio de cada artículo, enlazados a su página.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Centred</source>
        <translation>Centrado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Mediano</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>or a variable such as {{ entry.cart_url }}</source>
        <translation>o una variable como {{ entry.cart_url }}</translation>
    </message>
</context>
<context>
    <name>BlocksEditor</name>
    <message>
        <location filename="../../widgets/email_designer/fields.py" line="+78"/>
        <source>Open the email designer…</source>
        <translation>Abrir el diseñador de correos…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} blocks: {names}</source>
        <translation>{n} bloques: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No blocks yet</source>
        <translation>Aún no hay bloques</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Email designer</source>
        <translation>Diseñador de correos</translation>
    </message>
</context>
<context>
    <name>BounceMailboxGroup</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+74"/>
        <source>Bounce mailbox (IMAP)</source>
        <translation>Buzón de rebotes (IMAP)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(stored; type to change)</source>
        <translation>(guardada; escribe para cambiarla)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(leave them where they are)</source>
        <translation>(dejarlos donde están)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IMAP server</source>
        <translation>Servidor IMAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move processed reports to</source>
        <translation>Mover los informes procesados a</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hard bounces and spam complaints found here stop all further mail to that address; five soft bounces within 30 days count as a hard one. Other mail in the folder is left unread. Leave the server empty to read no bounces.</source>
        <translation>Los rebotes permanentes y las quejas por spam que lleguen aquí detienen todo envío posterior a esa dirección; cinco rebotes temporales en 30 días cuentan como uno permanente. El resto del correo de la carpeta se deja sin leer. Deja el servidor vacío para no leer rebotes.</translation>
    </message>
</context>
<context>
    <name>CustomerCalendar</name>
    <message>
        <location filename="../../widgets/customer_calendar.py" line="+162"/>
        <source>⚠ {n} journeys</source>
        <translation>⚠ {n} recorridos</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>+{n} more</source>
        <translation>+{n} más</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Customer id, e-mail or name</source>
        <translation>ID de cliente, email o nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Same day: {names}</source>
        <translation>El mismo día: {names}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No messages in this period.</source>
        <translation>No hay mensajes en este periodo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} messages, no day with messages from two journeys.</source>
        <translation>{n} mensajes; ningún día con mensajes de dos recorridos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {n} days with messages from two or more journeys: {days}</source>
        <translation>⚠ {n} días con mensajes de dos o más recorridos: {days}</translation>
    </message>
</context>
<context>
    <name>CustomerCalendarPage</name>
    <message>
        <location filename="../../app/population_pages.py" line="+163"/>
        <source>No customer matches “{text}”.</source>
        <translation>Ningún cliente coincide con «{text}».</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../widgets/simulator/customer_form.py" line="+42"/>
        <source>Customer id</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthdate</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>comma separated</source>
        <translation>separadas por comas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Idioma</translation>
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
        <translation>Acepta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Property</source>
        <translation>Propiedad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order history. When: &apos;-40d&apos; is 40 days before the start; an ISO time works too</source>
        <translation>Historial de pedidos. Cuándo: «-40d» son 40 días antes del inicio; también vale una hora ISO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Properties (JSON)</source>
        <translation>Propiedades (JSON)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the customer will do: &apos;+0&apos; at the start, &apos;+30h&apos; thirty hours later. An order_placed event is an order.</source>
        <translation>Lo que hará el cliente: «+0» al inicio, «+30h» treinta horas después. Un evento order_placed es un pedido.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Custom properties</source>
        <translation>Propiedades personalizadas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add property</source>
        <translation>Añadir propiedad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order history</source>
        <translation>Historial de pedidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add order</source>
        <translation>Añadir pedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scripted events (from the start)</source>
        <translation>Eventos previstos (desde el inicio)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add event</source>
        <translation>Añadir evento</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Order {n}</source>
        <translation>Pedido {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order {n}: the total &apos;{total}&apos; is not a number</source>
        <translation>Pedido {n}: el total «{total}» no es un número</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Event {n}</source>
        <translation>Evento {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: which event? (e.g. cart_abandoned)</source>
        <translation>{where}: ¿qué evento? (p. ej., cart_abandoned)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: properties must be a JSON object like {{&quot;total&quot;: 59.9}}</source>
        <translation>{where}: las propiedades deben ser un objeto JSON como {{&quot;total&quot;: 59.9}}</translation>
    </message>
</context>
<context>
    <name>CustomerTab</name>
    <message>
        <location filename="../../widgets/simulator/customer_tab.py" line="+71"/>
        <source>A customer from the shop&apos;s database, or a test customer you describe below</source>
        <translation>Un cliente de la base de datos de la tienda o un cliente de prueba que describe abajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test customer (described below)</source>
        <translation>Cliente de prueba (descrito abajo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a copy</source>
        <translation>Editar una copia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this shop customer into the test customer form to change them</source>
        <translation>Copiar este cliente de la tienda al formulario de cliente de prueba para modificarlo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When the simulation starts, in the customer&apos;s time zone. Events before it are history; a trigger before it does not enroll.</source>
        <translation>Cuándo empieza la simulación, en la zona horaria del cliente. Los eventos anteriores son historial; un disparador anterior no inscribe al cliente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At their latest event</source>
        <translation>En su último evento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start when the customer&apos;s most recent event happened, so the journey reacts to it (an abandoned cart, an order)</source>
        <translation>Empezar cuando ocurrió el último evento del cliente, para que el recorrido reaccione a él (un carrito abandonado, un pedido)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the virtual clock may run</source>
        <translation>Hasta dónde puede avanzar el reloj virtual</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate for</source>
        <translation>Simular durante</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>loading the customer…</source>
        <translation>cargando el cliente…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Loading the customer…</source>
        <translation>Cargando el cliente…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · {email} · {tz}
{orders} order(s), {events} event(s){last} · agreed to: {consent}</source>
        <translation>{name} · {email} · {tz}
{orders} pedido(s), {events} evento(s){last} · acepta: {consent}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no email</source>
        <translation>sin email</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, latest {when}</source>
        <translation>, el último {when}</translation>
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
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../app/shop_pages.py" line="+251"/>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <location filename="../../widgets/customers_view.py" line="+50"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthdate</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Idioma</translation>
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
        <translation>Editar {fields} de {customer}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Search by name, email or city</source>
        <translation>Buscar por nombre, email o ciudad</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Record an event…</source>
        <translation>Registrar un evento…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add something the customer did (an order, a review…) to their history; journeys react to it as to any event from the shop</source>
        <translation>Añadir al historial algo que hizo el cliente (un pedido, una reseña…); los recorridos reaccionan como a cualquier evento de la tienda</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Properties</source>
        <translation>Propiedades</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Consents to</source>
        <translation>Acepta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placed at</source>
        <translation>Fecha del pedido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Entered</source>
        <translation>Entraron</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>Terminó</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject / reason</source>
        <translation>Asunto / motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journeys</source>
        <translation>Recorridos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No customer selected</source>
        <translation>Ningún cliente seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer {id}, signed up {when}</source>
        <translation>Cliente {id}, registrado el {when}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>1 customer</source>
        <translation>1 cliente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} customers</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Record an event for {name}</source>
        <translation>Registrar un evento para {name}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot record the event</source>
        <translation>No se puede registrar el evento</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot change the customer</source>
        <translation>No se puede modificar el cliente</translation>
    </message>
</context>
<context>
    <name>DiscountEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+545"/>
        <source>Include a personal discount code</source>
        <translation>Incluir un código de descuento personal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. CART</source>
        <translation>p. ej., CART</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Percent off</source>
        <translation>Porcentaje de descuento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for</source>
        <translation>Válido durante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code prefix</source>
        <translation>Prefijo del código</translation>
    </message>
</context>
<context>
    <name>DkimGroup</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+26"/>
        <source>DKIM signing (own mail server only)</source>
        <translation>Firma DKIM (solo con servidor de correo propio)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. shop2025</source>
        <translation>p. ej., shop2025</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the sender&apos;s domain)</source>
        <translation>(el dominio del remitente)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(or paste the key below)</source>
        <translation>(o pega la clave abajo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(stored; paste a new PEM key to change)</source>
        <translation>(guardada; pega una nueva clave PEM para cambiarla)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selector</source>
        <translation>Selector DKIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key file</source>
        <translation>Archivo de clave privada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key</source>
        <translation>Clave privada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gmail, Microsoft 365, Brevo and Amazon SES sign for you: leave this empty when you send through them. A pasted key is kept in the system keyring.</source>
        <translation>Gmail, Microsoft 365, Brevo y Amazon SES firman por ti: deja esto vacío si envías a través de ellos. Una clave pegada se guarda en el llavero del sistema.</translation>
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
        <translation>después</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>years</source>
        <translation>años</translation>
    </message>
</context>
<context>
    <name>EditorWiringMixin</name>
    <message>
        <location filename="../../app/editor_wiring.py" line="+29"/>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 error</source>
        <translation>1 error</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>{n} errores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Can run · 1 warning</source>
        <translation>Puede ejecutarse · 1 aviso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can run · {n} warnings</source>
        <translation>Puede ejecutarse · {n} avisos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Can run</source>
        <translation>Puede ejecutarse</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Shop database: {path}</source>
        <translation>Base de datos de la tienda: {path}</translation>
    </message>
</context>
<context>
    <name>EmailDesignGroup</name>
    <message>
        <location filename="../../widgets/email_design_settings.py" line="+70"/>
        <source>Email design and languages</source>
        <translation>Diseño de correo e idiomas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>more languages, like fr, it, pt_BR</source>
        <translation>más idiomas, como fr, it, pt_BR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo (web address)</source>
        <translation>Logotipo (dirección web)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buttons and links</source>
        <translation>Botones y enlaces</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Around the email</source>
        <translation>Alrededor del correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind the blocks</source>
        <translation>Detrás de los bloques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fallback language</source>
        <translation>Idioma de respaldo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other languages</source>
        <translation>Otros idiomas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a web address like https://shop.example</source>
        <translation>{field}: una dirección web como https://shop.example</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}: a colour like #2f6f4f</source>
        <translation>{field}: un color como #2f6f4f</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fallback language is a code like en or pt_BR.</source>
        <translation>El idioma de respaldo es un código como en o pt_BR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other languages: codes like fr, it or pt_BR, separated by commas.</source>
        <translation>Otros idiomas: códigos como fr, it o pt_BR, separados por comas.</translation>
    </message>
</context>
<context>
    <name>EmailDesigner</name>
    <message>
        <location filename="../../widgets/email_designer/designer.py" line="-443"/>
        <source>Header with logo</source>
        <translation>Cabecera con logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading</source>
        <translation>Titular</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button</source>
        <translation>Botón</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divider</source>
        <translation>Separador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product list</source>
        <translation>Lista de productos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount code</source>
        <translation>Código de descuento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social links</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Pie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code (template)</source>
        <translation>Código (plantilla)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line under the logo</source>
        <translation>Línea bajo el logotipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alineación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image address</source>
        <translation>Dirección de la imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (shown when images are off)</source>
        <translation>Descripción (se ve cuando las imágenes están desactivadas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Width (pixels)</source>
        <translation>Ancho (píxeles)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Products from</source>
        <translation>Productos de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When there are none</source>
        <translation>Cuando no hay ninguno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line under the code</source>
        <translation>Línea bajo el código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link text</source>
        <translation>Texto del enlace de baja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template (plain text with {{ variables }} and {% if %} tags)</source>
        <translation>Plantilla (texto con {{ variables }} y etiquetas {% if %})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cart or order of the event that started the journey</source>
        <translation>El carrito o pedido del evento que inició el recorrido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The event&apos;s products (older imports)</source>
        <translation>Los productos del evento (importaciones antiguas)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The event&apos;s items, else its products (any shop&apos;s carts)</source>
        <translation>Los artículos del evento, si no sus productos (carritos de cualquier tienda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer&apos;s last order</source>
        <translation>El último pedido del cliente</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A heading</source>
        <translation>Un titular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your text here.</source>
        <translation>Escribe aquí tu texto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit the shop</source>
        <translation>Visitar la tienda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your personal code:</source>
        <translation>Tu código personal:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Shop address and unsubscribe link</source>
        <translation>Dirección de la tienda y enlace de baja</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>A marketing email keeps its footer: it carries the unsubscribe link.</source>
        <translation>Un correo de marketing conserva su pie: lleva el enlace para darse de baja.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Blocks (drag to reorder)</source>
        <translation>Bloques (arrastra para reordenar)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a block</source>
        <translation>Añadir un bloque</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Edit this template by hand (leaves the designer)</source>
        <translation>Editar esta plantilla a mano (sale del diseñador)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The HTML template these blocks make (MJML, then the sandboxed template language). Taking it over turns the body into an HTML template you edit as text.</source>
        <translation>La plantilla HTML que generan estos bloques (MJML y luego el lenguaje de plantillas aislado). Al tomarla, el cuerpo se convierte en una plantilla HTML que editas como texto.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Block {where}</source>
        <translation>Bloque {where}</translation>
    </message>
</context>
<context>
    <name>EmailPreview</name>
    <message>
        <location filename="../../widgets/email_preview.py" line="+170"/>
        <source>Desktop</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The email preview needs QtWebEngine (PySide6-Addons), which is not installed.</source>
        <translation>La vista previa del correo necesita QtWebEngine (PySide6-Addons), que no está instalado.</translation>
    </message>
</context>
<context>
    <name>EmailSettingsDialog</name>
    <message>
        <location filename="../../widgets/email_settings.py" line="+41"/>
        <source>Email sending</source>
        <translation>Envío de correo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>STARTTLS</source>
        <translation>Cifrado STARTTLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSL/TLS</source>
        <translation>Cifrado SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Ninguna (sin cifrar)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(stored; type to change)</source>
        <translation>(guardada; escribe para cambiarla)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop &lt;hello@shop.example&gt;</source>
        <translation>Mi tienda &lt;hola@tienda.example&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per minute</source>
        <translation>Mensajes por minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per day</source>
        <translation>Mensajes por día</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept in the system keyring, not in the shop file. Leave the server empty to send to the local catcher instead.</source>
        <translation>La contraseña se guarda en el llavero del sistema, no en el archivo de la tienda. Deja el servidor vacío para enviar al buzón de pruebas local.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send test</source>
        <translation>Enviar prueba</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounces</source>
        <translation>Rebotes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM</source>
        <translation>Firma DKIM</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../widgets/event_dialog.py" line="+67"/>
        <source>Event:</source>
        <translation>Evento:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When ({zone}):</source>
        <translation>Cuándo ({zone}):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Property</source>
        <translation>Propiedad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Properties (optional):</source>
        <translation>Propiedades (opcional):</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Choose or type an event.</source>
        <translation>Elija o escriba un evento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An event name is letters, digits and _ (like review_written), not “{name}”.</source>
        <translation>Un nombre de evento son letras, dígitos y _ (como review_written), no «{name}».</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+248"/>
        <source>event name</source>
        <translation>nombre del evento</translation>
    </message>
</context>
<context>
    <name>ExitOnEditor</name>
    <message>
        <location filename="../../widgets/inspector/settings_form.py" line="+58"/>
        <source>+ Goal event</source>
        <translation>+ Evento objetivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No goal: customers leave when their paths end.</source>
        <translation>Sin objetivo: los clientes salen cuando terminan sus caminos.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>only if…</source>
        <translation>solo si…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove this goal event</source>
        <translation>Quitar este evento objetivo</translation>
    </message>
</context>
<context>
    <name>FieldNameEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+43"/>
        <source>Customer property…</source>
        <translation>Propiedad del cliente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry event property…</source>
        <translation>Propiedad del evento de entrada…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>property name</source>
        <translation>nombre de la propiedad</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+41"/>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose a file</source>
        <translation>Elija un archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CSV export of Shopify, WooCommerce or PrestaShop, any CSV with a header row, or JSON (a list of records or profile files).</source>
        <translation>Una exportación CSV de Shopify, WooCommerce o PrestaShop, cualquier CSV con fila de encabezado, o JSON (una lista de registros o archivos de perfil).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file holds</source>
        <translation>El archivo contiene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import file</source>
        <translation>Importar archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop exports (*.csv *.json *.jsonl *.txt);;All files (*)</source>
        <translation>Exportaciones de la tienda (*.csv *.json *.jsonl *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Abandoned carts</source>
        <translation>Carritos abandonados</translation>
    </message>
</context>
<context>
    <name>GalleryDialog</name>
    <message>
        <location filename="../../widgets/gallery_dialog.py" line="+51"/>
        <source>New journey</source>
        <translation>Nuevo recorrido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank journey</source>
        <translation>Recorrido en blanco</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty canvas: add a trigger from the palette and build from there.</source>
        <translation>Un lienzo vacío: añada un disparador desde la paleta y construya a partir de ahí.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start from a template made for a common shop situation, or from scratch.</source>
        <translation>Empiece con una plantilla pensada para una situación habitual de la tienda, o desde cero.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+15"/>
        <source>Untitled journey</source>
        <translation>Recorrido sin título</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Empty canvas</source>
        <translation>Lienzo vacío</translation>
    </message>
</context>
<context>
    <name>GeoInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="+329"/>
        <source>City or postcode</source>
        <translation>Ciudad o código postal</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>lat</source>
        <translation>lat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lon</source>
        <translation>lon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No city or postcode “{text}” is known; give the coordinates instead.</source>
        <translation>No se conoce ninguna ciudad o código postal «{text}»; indique las coordenadas.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Centre: {lat:.4f}, {lon:.4f}</source>
        <translation>Centro: {lat:.4f}, {lon:.4f}</translation>
    </message>
</context>
<context>
    <name>GroupWidget</name>
    <message>
        <location filename="../../widgets/inspector/rule_builder.py" line="+62"/>
        <source>All of these</source>
        <translation>Todas estas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any of these</source>
        <translation>Alguna de estas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negate the whole group</source>
        <translation>Negar todo el grupo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove this group</source>
        <translation>Quitar este grupo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+ Condition</source>
        <translation>+ Condición</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+ Group</source>
        <translation>+ Grupo</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>are true</source>
        <translation>se cumplen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is true</source>
        <translation>se cumple</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conditions yet: always true.</source>
        <translation>Aún no hay condiciones: siempre se cumple.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No conditions yet: never true.</source>
        <translation>Aún no hay condiciones: nunca se cumple.</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <location filename="../../widgets/help_browser.py" line="+13"/>
        <source>Journey Builder user guide</source>
        <translation>Guía de uso de Journey Builder</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <location filename="../../app/help_wiring.py" line="+48"/>
        <source>&amp;Start page</source>
        <translation>Página de &amp;inicio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There is no journey to simulate yet: open a template first.</source>
        <translation>Aún no hay ningún recorrido que simular: abra primero una plantilla.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This shop has a mail account set up, so sending would reach real customers. Press Start in the Sending session panel when you mean it.</source>
        <translation>Esta tienda tiene una cuenta de correo configurada, así que enviar llegaría a clientes reales. Pulse Iniciar en el panel Sesión de envío cuando quiera hacerlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session is sending to the local catcher: see the Sending session panel.</source>
        <translation>La sesión está enviando al receptor local: vea el panel Sesión de envío.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+310"/>
        <source>Import shop data</source>
        <translation>Importar datos de la tienda</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>Siguiente &gt;</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector/inspector.py" line="+313"/>
        <source>Open or create a journey to edit it here.</source>
        <translation>Abra o cree un recorrido para editarlo aquí.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&apos;{id}&apos; is a node of an unknown kind ({type}/{kind}).</source>
        <translation>«{id}» es un paso de un tipo desconocido ({type}/{kind}).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fix the message first: {problem}</source>
        <translation>Corrija primero el mensaje: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your email address:</source>
        <translation>Su dirección de email:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your mobile number:</source>
        <translation>Su número de móvil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your device or customer id:</source>
        <translation>Su dispositivo o ID de cliente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a test to me</source>
        <translation>Enviarme una prueba</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-154"/>
        <source>plain text</source>
        <translation>texto sin formato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML</source>
        <translation>código HTML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>marketing (needs consent, has an unsubscribe link)</source>
        <translation>marketing (requiere consentimiento, lleva enlace de baja)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transactional (an order, a payment: no consent needed)</source>
        <translation>transaccional (un pedido, un pago: no requiere consentimiento)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>designed in the email designer</source>
        <translation>diseñado en el diseñador de correos</translation>
    </message>
</context>
<context>
    <name>JourneyActionsMixin</name>
    <message>
        <location filename="../../app/journey_actions.py" line="+29"/>
        <source>Journey files (*.json);;All files (*)</source>
        <translation>Archivos de recorrido (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Could not create the journey</source>
        <translation>No se pudo crear el recorrido</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+27"/>
        <source>Import journey</source>
        <translation>Importar recorrido</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+14"/>
        <source>Could not import the journey</source>
        <translation>No se pudo importar el recorrido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported “{name}” from {file}</source>
        <translation>«{name}» importado de {file}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A journey named “{name}” already exists.</source>
        <translation>Ya existe un recorrido llamado «{name}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace its draft with the file, or keep both?</source>
        <translation>¿Reemplazar su borrador por el archivo o conservar ambos?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace draft</source>
        <translation>Reemplazar borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both</source>
        <translation>Conservar ambos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export journey</source>
        <translation>Exportar recorrido</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export the journey</source>
        <translation>No se pudo exportar el recorrido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported “{name}” to {file}</source>
        <translation>«{name}» exportado a {file}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not rename the journey</source>
        <translation>No se pudo cambiar el nombre del recorrido</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Renamed “{old}” to “{new}”</source>
        <translation>«{old}» ahora se llama «{new}»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not duplicate the journey</source>
        <translation>No se pudo duplicar el recorrido</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot delete a live journey</source>
        <translation>No se puede eliminar un recorrido activo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is live: customers are going through it. Stop it before deleting it.</source>
        <translation>«{name}» está activo: hay clientes recorriéndolo. Deténgalo antes de eliminarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete journey</source>
        <translation>Eliminar recorrido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{name}”? This cannot be undone.</source>
        <translation>¿Eliminar «{name}»? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not delete the journey</source>
        <translation>No se pudo eliminar el recorrido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted “{name}”</source>
        <translation>«{name}» eliminado</translation>
    </message>
</context>
<context>
    <name>JourneyLibrary</name>
    <message>
        <location filename="../../widgets/library.py" line="+168"/>
        <source>Search journeys</source>
        <translation>Buscar recorridos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Live</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journeys</source>
        <translation>Recorridos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New…</source>
        <translation>Nuevo…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a journey from a template</source>
        <translation>Crear un recorrido a partir de una plantilla</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+168"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Copy the selected journey as a new draft</source>
        <translation>Copiar el recorrido seleccionado como un nuevo borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+165"/>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Rename the selected journey (F2)</source>
        <translation>Cambiar el nombre del recorrido seleccionado (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected journey (Del)</source>
        <translation>Eliminar el recorrido seleccionado (Supr)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Live, with unpublished changes</source>
        <translation>Activo, con cambios sin publicar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited {when}</source>
        <translation>Editado {when}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Rename journey</source>
        <translation>Cambiar nombre del recorrido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nuevo nombre:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New journey…</source>
        <translation>Nuevo recorrido…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>just now</source>
        <translation>justo ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} min ago</source>
        <translation>hace {n} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} h ago</source>
        <translation>hace {n} h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days ago</source>
        <translation>hace {n} días</translation>
    </message>
</context>
<context>
    <name>JourneyLifecycle</name>
    <message>
        <location filename="../../app/session_pages.py" line="+465"/>
        <source>No journey open</source>
        <translation>No hay ningún recorrido abierto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a journey first.</source>
        <translation>Abre primero un recorrido.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not change the journey</source>
        <translation>No se pudo cambiar el recorrido</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not publish</source>
        <translation>No se pudo publicar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publish “{name}”</source>
        <translation>Publicar «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} customer(s) are inside the live version. What should happen to them?</source>
        <translation>Hay {n} cliente(s) dentro de la versión activa. ¿Qué quieres hacer con ellos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} of them stand at a step the new version removes.</source>
        <translation>{n} de ellos están en un paso que la nueva versión elimina.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let them finish on the old version</source>
        <translation>Dejar que terminen en la versión anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move them to the new version</source>
        <translation>Pasarlos a la nueva versión</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Published “{name}”</source>
        <translation>«{name}» publicado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paused “{name}”</source>
        <translation>«{name}» en pausa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resumed “{name}”</source>
        <translation>«{name}» reanudado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Archive “{name}”</source>
        <translation>Archivar «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archiving stops the journey for good: customers inside leave it and waiting messages are not sent. Archive it?</source>
        <translation>Al archivar, el recorrido se detiene para siempre: los clientes que están dentro salen y los mensajes en espera no se envían. ¿Archivarlo?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archived “{name}”</source>
        <translation>«{name}» archivado</translation>
    </message>
</context>
<context>
    <name>JourneyReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="+93"/>
        <source>All of its history</source>
        <translation>Todo su historial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last 30 days</source>
        <translation>Los últimos 30 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 90 days</source>
        <translation>Los últimos 90 días</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last 365 days</source>
        <translation>Los últimos 365 días</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened (the shop&apos;s figures)</source>
        <translation>Lo que pasó (cifras de la tienda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the simulation said (last population run)</source>
        <translation>Lo que dijo la simulación (última ejecución de población)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Messages sent in:</source>
        <translation>Mensajes enviados en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badges on the canvas:</source>
        <translation>Distintivos en el lienzo:</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+21"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions</source>
        <translation>Conversiones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per recipient</source>
        <translation>Por destinatario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unsubscribes</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Holdout</source>
        <translation>Grupo de control</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A/B tests</source>
        <translation>Pruebas A/B</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Open a journey of the shop to see what it earned.</source>
        <translation>Abra un recorrido de la tienda para ver lo que ha ganado.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No figures: {reason}</source>
        <translation>Sin cifras: {reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 days</source>
        <translation>5 días</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{revenue} {currency} from {conversions} orders credited to this journey&apos;s messages; an order counts for the last message received at most {window} before it.</source>
        <translation>{revenue} {currency} de {conversions} pedidos atribuidos a los mensajes de este recorrido; un pedido cuenta para el último mensaje recibido como mucho {window} antes.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>This journey keeps nobody out. Set a holdout in its settings to measure what it earns against customers who did not get it.</source>
        <translation>Este recorrido no deja a nadie fuera. Defina un grupo de control en su configuración para medir lo que gana frente a los clientes que no lo recibieron.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held out: {held} customers, {held_rate} ordered, {held_rpc} {currency} per customer. In the journey: {rest} customers, {rest_rate} ordered, {rest_rpc} {currency} per customer.</source>
        <translation>Fuera: {held} clientes, pidió el {held_rate}, {held_rpc} {currency} por cliente. En el recorrido: {rest} clientes, pidió el {rest_rate}, {rest_rpc} {currency} por cliente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{low} to {high} points</source>
        <translation>de {low} a {high} puntos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too few customers or orders to tell yet.</source>
        <translation>Todavía hay muy pocos clientes o pedidos para saberlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No clear difference yet: {difference} points (95 % interval {interval}).</source>
        <translation>Aún no hay una diferencia clara: {difference} puntos (intervalo del 95 % {interval}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journey raises conversion by {difference} points (95 % interval {interval}).</source>
        <translation>El recorrido sube la conversión {difference} puntos (intervalo del 95 % {interval}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journey lowers conversion by {difference} points (95 % interval {interval}).</source>
        <translation>El recorrido baja la conversión {difference} puntos (intervalo del 95 % {interval}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{message}, winner chosen on {metric}</source>
        <translation>{message}, ganador según {metric}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clicks</source>
        <translation>clics</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: {recipients} recipients, {converted} converted, {best} probability to be best</source>
        <translation>{name}: {recipients} destinatarios, {converted} convertidos, {best} de probabilidad de ser la mejor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick as winner…</source>
        <translation>Elegir como ganadora…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick the winner</source>
        <translation>Elegir la ganadora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send variant {variant} to every customer from now on? This makes a new version of the journey.</source>
        <translation>¿Enviar la variante {variant} a todos los clientes a partir de ahora? Se crea una nueva versión del recorrido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The winner was not picked: {reason}</source>
        <translation>No se eligió la ganadora: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{revenue} {currency} · {conversions}/{recipients} conv.</source>
        <translation>{revenue} {currency} · {conversions}/{recipients} pedidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} unsub.</source>
        <translation>{n} bajas</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Reading the figures…</source>
        <translation>Leyendo las cifras…</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>What the simulation said and what happened</source>
        <translation>Lo que dijo la simulación y lo que ocurrió</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recipients, simulated</source>
        <translation>Destinatarios, simulados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients, real</source>
        <translation>Destinatarios, reales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions, simulated</source>
        <translation>Conversiones, simuladas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conversions, real</source>
        <translation>Conversiones, reales</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue, simulated</source>
        <translation>Ingresos, simulados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue, real</source>
        <translation>Ingresos, reales</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>A backtest on the shop&apos;s past</source>
        <translation>Un backtest sobre el pasado de la tienda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A simulation</source>
        <translation>Una simulación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} ({span}) said {revenue} {currency} from {conversions} orders; the shop&apos;s figures ({period}): {real_revenue} {currency} from {real_conversions} orders.</source>
        <translation>{what} ({span}) dio {revenue} {currency} de {conversions} pedidos; las cifras de la tienda ({period}): {real_revenue} {currency} de {real_conversions} pedidos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not read yet</source>
        <translation>aún no leídas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>until {end}</source>
        <translation>hasta {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start} to {end}</source>
        <translation>del {start} al {end}</translation>
    </message>
</context>
<context>
    <name>JourneyScene</name>
    <message>
        <location filename="../../widgets/canvas/scene.py" line="+241"/>
        <source>warning: {message}</source>
        <translation>aviso: {message}</translation>
    </message>
</context>
<context>
    <name>JourneyTestsPanel</name>
    <message>
        <location filename="../../widgets/simulator/tests_panel.py" line="+57"/>
        <source>Save current run as a test…</source>
        <translation>Guardar como prueba…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer, start and end of the simulation, with the path it took, become a test that must keep passing</source>
        <translation>El cliente, el inicio y el fin de la simulación, con el camino recorrido, se convierten en una prueba que debe seguir superándose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run all tests</source>
        <translation>Ejecutar todas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay every test customer through the journey as it is now (Ctrl+T)</source>
        <translation>Volver a pasar cada cliente de prueba por el recorrido tal como está ahora (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-run after every edit</source>
        <translation>Repetir tras cada cambio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in simulator</source>
        <translation>Abrir en el simulador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load this test&apos;s customer and start into the simulator to step through it</source>
        <translation>Cargar el cliente y el inicio de esta prueba en el simulador para recorrerla paso a paso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At (UTC)</source>
        <translation>A las (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Got</source>
        <translation>Obtenido</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>No tests yet. Simulate a customer, then save the run as a test.</source>
        <translation>Aún no hay pruebas. Simule un cliente y guarde la ejecución como prueba.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} test(s), not run yet</source>
        <translation>{n} prueba(s), sin ejecutar todavía</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{passed} passed · {failed} failed</source>
        <translation>{passed} superadas · {failed} fallidas</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not run yet.</source>
        <translation>Aún no se ha ejecutado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes: the customer takes the expected path.</source>
        <translation>Superada: el cliente sigue el camino esperado.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>at {utc}</source>
        <translation>a las {utc}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rename test</source>
        <translation>Cambiar nombre de la prueba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <location filename="../../widgets/canvas/view.py" line="+297"/>
        <source>Cut {count} node(s)</source>
        <translation>Cortar {count} paso(s)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-layout</source>
        <translation>Organizar automáticamente</translation>
    </message>
</context>
<context>
    <name>JsonRow</name>
    <message>
        <location filename="../../widgets/inspector/rule_rows.py" line="+366"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not valid JSON</source>
        <translation>JSON no válido</translation>
    </message>
</context>
<context>
    <name>LeafRow</name>
    <message>
        <location line="-268"/>
        <source>Negate this condition</source>
        <translation>Negar esta condición</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In segment</source>
        <translation>En el segmento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this condition</source>
        <translation>Quitar esta condición</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>of type</source>
        <translation>del tipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in the last</source>
        <translation>en los últimos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>since entering the journey</source>
        <translation>desde que entró en el recorrido</translation>
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
        <translation>Separe los valores con comas</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="+139"/>
        <source>unknown (not installed)</source>
        <translation>desconocida (no instalado)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a journey from a template</source>
        <translation>Empezar un recorrido a partir de una plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find a journey in the library</source>
        <translation>Buscar un recorrido en la biblioteca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft now (it is also saved automatically)</source>
        <translation>Guardar el borrador ahora (también se guarda automáticamente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import JSON…</source>
        <translation>&amp;Importar JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export JSON…</source>
        <translation>&amp;Exportar JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Journey Builder</source>
        <translation>Cerrar Journey Builder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;justar a la ventana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Auto-layout</source>
        <translation>&amp;Organizar automáticamente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Light</source>
        <translation>&amp;Clara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Oscura</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;About Journey Builder</source>
        <translation>&amp;Acerca de Journey Builder</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No journey open — pick one in the library, or create one with File ▸ New</source>
        <translation>No hay ningún recorrido abierto: elija uno en la biblioteca o cree uno con Archivo ▸ Nuevo</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Journeys</source>
        <translation>Recorridos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not open the journey</source>
        <translation>No se pudo abrir el recorrido</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened “{name}”</source>
        <translation>«{name}» abierto</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The changes to “{name}” could not be saved. Close it anyway and lose them?</source>
        <translation>No se pudieron guardar los cambios de «{name}». ¿Cerrarlo de todos modos y perderlos?</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved “{name}”</source>
        <translation>«{name}» guardado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not save the journey</source>
        <translation>No se pudo guardar el recorrido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{message}

Your changes are kept in the window and saved as soon as the problem is solved.</source>
        <translation>{message}

Sus cambios se conservan en la ventana y se guardarán en cuanto se resuelva el problema.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Journey Builder</source>
        <translation>Journey Builder</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Theme changed</source>
        <translation>Tema cambiado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language changes at the next start</source>
        <translation>El idioma cambiará en el próximo inicio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;Journey Builder {version}&lt;/h3&gt;&lt;p&gt;Customer journeys for small online shops: draw, simulate and send, on your own machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Journey Builder {version}&lt;/h3&gt;&lt;p&gt;Recorridos de cliente para pequeñas tiendas online: diseñe, simule y envíe, en su propio equipo.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About Journey Builder</source>
        <translation>Acerca de Journey Builder</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="+110"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="-252"/>
        <source>Check the columns</source>
        <translation>Revise las columnas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example values</source>
        <translation>Valores de ejemplo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read as</source>
        <translation>Leer como</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Profile files: {n} customers with their orders and events, imported as they are.</source>
        <translation>Archivos de perfil: {n} clientes con sus pedidos y eventos, importados tal cual.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a plain table</source>
        <translation>una tabla sencilla</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Custom property “{name}”</source>
        <translation>Propiedad personalizada «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Recognised: {system} (text encoding {encoding}, decimal mark “{decimal}”). Change what a column means where it is wrong; unknown columns become custom properties.</source>
        <translation>Reconocido: {system} (codificación {encoding}, separador decimal «{decimal}»). Cambie el significado de una columna donde no sea correcto; las columnas desconocidas se convierten en propiedades propias.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns we do not know: {columns}.</source>
        <translation>Columnas desconocidas: {columns}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused, as passwords and keys are never imported: {columns}.</source>
        <translation>Rechazadas, porque las contraseñas y claves nunca se importan: {columns}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refused: passwords or keys</source>
        <translation>Rechazada: contraseñas o claves</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Decimal mark in amounts</source>
        <translation>Separador decimal en los importes</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Comma: 1.234,50</source>
        <translation>Coma: 1.234,50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point: 1,234.50</source>
        <translation>Punto: 1,234.50</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message>
        <location filename="../../widgets/inspector/message_editor.py" line="+351"/>
        <source>Preview for {name}</source>
        <translation>Vista previa para {name}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>From: {name} &lt;{email}&gt;</source>
        <translation>De: {name} &lt;{email}&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{app} · {when}</source>
        <translation>{app} · {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>ahora</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../../widgets/inspector/inspector.py" line="-350"/>
        <source>Trigger</source>
        <translation>Disparador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{type} · id {id}</source>
        <translation>{type} · ID {id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{label} (optional)</source>
        <translation>{label} (opcional)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Live preview</source>
        <translation>Vista previa en vivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a test to me…</source>
        <translation>Enviarme una prueba…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends this message, as the preview shows it, to your own address, marked as a test</source>
        <translation>Envía este mensaje, tal como lo muestra la vista previa, a su propia dirección, marcado como prueba</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a shop to send tests</source>
        <translation>Abra una tienda para enviar pruebas</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Email designer — {node}</source>
        <translation>Diseñador de correos — {node}</translation>
    </message>
</context>
<context>
    <name>PairInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="+35"/>
        <source>and</source>
        <translation>y</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../widgets/palette.py" line="+25"/>
        <source>Triggers</source>
        <translation>Disparadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delays</source>
        <translation>Esperas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Search steps…</source>
        <translation>Buscar pasos…</translation>
    </message>
</context>
<context>
    <name>PopulationPanel</name>
    <message>
        <location filename="../../widgets/population_panel.py" line="+165"/>
        <source>The shop&apos;s customers</source>
        <translation>Los clientes de la tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated demo customers</source>
        <translation>Clientes de demostración generados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forward from now</source>
        <translation>Hacia delante desde ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest on the past</source>
        <translation>Prueba retrospectiva sobre el pasado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+451"/>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <location line="-446"/>
        <source>Customers:</source>
        <translation>Clientes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most:</source>
        <translation>Como máximo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run:</source>
        <translation>Ejecución:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed:</source>
        <translation>Semilla:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No messages yet: run the population.</source>
        <translation>Aún no hay mensajes: ejecute la simulación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody entered yet.</source>
        <translation>Todavía no ha entrado nadie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>{n} sent</source>
        <translation>{n} enviados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} failed</source>
        <translation>{n} con error</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} ▸ {outcomes}</source>
        <translation>{n} ▸ {outcomes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped: {reason}</source>
        <translation>omitido: {reason}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Entered</source>
        <translation>Entraron</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Customers</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passes</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Omitidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why skipped</source>
        <translation>Por qué se omitió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conv.</source>
        <translation>Conv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers who reached the step at least once</source>
        <translation>Clientes que llegaron al paso al menos una vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times a path went through the step: a customer who enters twice counts twice</source>
        <translation>Veces que un camino pasó por el paso: un cliente que entra dos veces cuenta dos veces</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer / message</source>
        <translation>Cliente / mensaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by id, name or e-mail</source>
        <translation>Filtrar por ID, nombre o email</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Messages per day</source>
        <translation>Mensajes por día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel</source>
        <translation>Embudo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who got what</source>
        <translation>Quién recibió qué</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV:</source>
        <translation>Exportar CSV:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per node…</source>
        <translation>Por paso…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per day…</source>
        <translation>Por día…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer…</source>
        <translation>Por cliente…</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Fix the journey&apos;s problems first: {reason}</source>
        <translation>Primero corrija los problemas del recorrido: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preparing {n} customers…</source>
        <translation>Preparando {n} clientes…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The cards count passes through each step: {entries} entries by {customers} customers.</source>
        <translation>Las tarjetas cuentan pasos por cada etapa: {entries} entradas de {customers} clientes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{entered} of {customers} customers entered · {messages} messages ({sent}) · {conv} converted ({rate})</source>
        <translation>Entraron {entered} de {customers} clientes · {messages} mensajes ({sent}) · {conv} conversiones ({rate})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run the population first: the list shows who would get which message.</source>
        <translation>Ejecute primero la población: la lista muestra quién recibiría cada mensaje.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This run did not keep who got which message.</source>
        <translation>Esta ejecución no guardó quién recibió cada mensaje.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody would get a message in this run, so there is nobody to list.</source>
        <translation>Nadie recibiría un mensaje en esta ejecución, así que no hay nadie que mostrar.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} entered</source>
        <translation>{n} entraron</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n} ▸ {ports}</source>
        <translation>{n} ▸ {ports}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} conv.</source>
        <translation>{n} conv.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>{n} skipped</source>
        <translation>{n} omitidos</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{n} waiting</source>
        <translation>{n} esperando</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Converted</source>
        <translation>Convertidos</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>1 message</source>
        <translation>1 mensaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} messages</source>
        <translation>{n} mensajes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter the first {n} of {total} customers (the CSV has all)</source>
        <translation>Filtrar los primeros {n} de {total} clientes (el CSV los tiene todos)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write {path}: {reason}</source>
        <translation>No se pudo escribir {path}: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}</source>
        <translation>Guardado {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simulating {done} of {total} customers…</source>
        <translation>Simulando {done} de {total} clientes…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulating: {done} customers…</source>
        <translation>Simulando: {done} clientes…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled after {n} customers: the figures cover those.</source>
        <translation>Cancelado tras {n} clientes: las cifras se refieren a ellos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} customers, {span}, in {secs:.1f} s.</source>
        <translation>{n} clientes, {span}, en {secs:.1f} s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The run failed: {reason}</source>
        <translation>La ejecución falló: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Look back:</source>
        <translation>Mirar atrás:</translation>
    </message>
</context>
<context>
    <name>PresetPicker</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="-111"/>
        <source>Gmail (free account)</source>
        <translation>Gmail (cuenta gratuita)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Google Workspace</source>
        <translation>Google Workspace (cuenta de empresa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microsoft 365 / Outlook</source>
        <translation>Microsoft 365 u Outlook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brevo SMTP relay</source>
        <translation>Brevo (relé SMTP)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon SES (sandbox)</source>
        <translation>Amazon SES (modo sandbox)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom server</source>
        <translation>Servidor propio</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled in from the provider&apos;s published limits: {minute} messages a minute, {day} a day. See the deliverability guide for the sources.</source>
        <translation>Rellenado con los límites publicados por el proveedor: {minute} mensajes por minuto, {day} al día. Las fuentes están en la guía de entregabilidad.</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <location filename="../../widgets/problems.py" line="+50"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Journey settings</source>
        <translation>Ajustes del recorrido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection {edge}</source>
        <translation>Conexión {edge}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No journey open.</source>
        <translation>No hay ningún recorrido abierto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems: this journey can run.</source>
        <translation>Sin problemas: este recorrido puede ejecutarse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 error</source>
        <translation>1 error</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>{n} errores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 warning</source>
        <translation>1 aviso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} warnings</source>
        <translation>{n} avisos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot run until the errors are fixed</source>
        <translation>no puede ejecutarse hasta corregir los errores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it can run</source>
        <translation>puede ejecutarse</translation>
    </message>
</context>
<context>
    <name>ReportPages</name>
    <message>
        <location filename="../../app/report_pages.py" line="+34"/>
        <source>the journey is not saved in the shop yet</source>
        <translation>el recorrido aún no está guardado en la tienda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Variant {variant} of {node} goes to everyone: version {n} is live.</source>
        <translation>La variante {variant} de {node} va a todos: la versión {n} está activa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variant {variant} of {node} is in the draft (version {n}).</source>
        <translation>La variante {variant} de {node} está en el borrador (versión {n}).</translation>
    </message>
</context>
<context>
    <name>RichEdit</name>
    <message>
        <location filename="../../widgets/email_designer/rich_edit.py" line="+87"/>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+183"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Link the selected words to an address</source>
        <translation>Enlazar las palabras seleccionadas a una dirección</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert variable</source>
        <translation>Insertar variable</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Address (https://…), empty to unlink:</source>
        <translation>Dirección (https://…), vacía para quitar el enlace:</translation>
    </message>
</context>
<context>
    <name>RuleBranchesEditor</name>
    <message>
        <location filename="../../widgets/inspector/branches.py" line="+152"/>
        <source>{n}. Branch</source>
        <translation>Rama {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this branch</source>
        <translation>Quitar esta rama</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>taken when:</source>
        <translation>se toma cuando:</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+113"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing {file}…</source>
        <translation>Importando {file}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Cancelado. No se importó nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: fix these rows in the file and import it again (all or nothing, so your data is as it was).</source>
        <translation>No se importó nada: corrija estas filas en el archivo e impórtelo de nuevo (todo o nada, sus datos siguen como estaban).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> {n} more problems are not listed.</source>
        <translation> No se muestran {n} problemas más.</translation>
    </message>
</context>
<context>
    <name>ScalarInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="-113"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value (text, number, true/false)</source>
        <translation>valor (texto, número, true/false)</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+132"/>
        <source>segment name</source>
        <translation>nombre del segmento</translation>
    </message>
</context>
<context>
    <name>SegmentsEditor</name>
    <message>
        <location filename="../../app/shop_pages.py" line="+7"/>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <location filename="../../widgets/segments_editor.py" line="+98"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+160"/>
        <source>Revert</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Customers in this segment:</source>
        <translation>Clientes en este segmento:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some of them:</source>
        <translation>Algunos de ellos:</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Unsaved segment</source>
        <translation>Segmento sin guardar</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save the changes to “{name}”?</source>
        <translation>¿Guardar los cambios de «{name}»?</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The new segment “{name}” is not saved yet. Save it?</source>
        <translation>El segmento nuevo «{name}» aún no está guardado. ¿Guardarlo?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{name} (not saved)</source>
        <translation>{name} (sin guardar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new segment: Save keeps it</source>
        <translation>Un segmento nuevo: Guardar lo conserva</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Built-in segments keep their name: journeys refer to it</source>
        <translation>Los segmentos integrados conservan su nombre: los recorridos se refieren a él</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>new_segment</source>
        <translation>nuevo_segmento</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete segment</source>
        <translation>Eliminar segmento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the segment “{name}”? Journeys that use it will no longer find it.</source>
        <translation>¿Eliminar el segmento «{name}»? Los recorridos que lo usan ya no lo encontrarán.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot delete</source>
        <translation>No se puede eliminar</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>Cannot save the segment</source>
        <translation>No se puede guardar el segmento</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Give the segment a name.</source>
        <translation>Dé un nombre al segmento.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Fix the rule to see who is in it</source>
        <translation>Corrija la regla para ver quién está en él</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot count: {error}</source>
        <translation>No se puede contar: {error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} customers</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 customer</source>
        <translation>1 cliente</translation>
    </message>
</context>
<context>
    <name>SessionMonitor</name>
    <message>
        <location filename="../../widgets/session_monitor.py" line="+94"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email sending…</source>
        <translation>Envío de correo…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+164"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+69"/>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason or error</source>
        <translation>Motivo o error</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All messages</source>
        <translation>Todos los mensajes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search journey, customer, reason…</source>
        <translation>Buscar recorrido, cliente, motivo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a message to see it as it was sent.</source>
        <translation>Seleccione un mensaje para verlo tal como se envió.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Mark as sent</source>
        <translation>Marcar como enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again</source>
        <translation>Volver a enviar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uncertain: these may or may not have arrived</source>
        <translation>Inciertos: puede que hayan llegado o no</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole message went to the mail server, then the session stopped or the server&apos;s answer was lost. Sending it again could deliver it twice, so Journey Builder holds it (unless Email sending… says to send such mail again after a wait). Check the mailbox&apos;s sent folder, then mark each as sent or send it again.</source>
        <translation>El mensaje completo llegó al servidor de correo y luego la sesión se detuvo o se perdió la respuesta del servidor. Volver a enviarlo podría entregarlo dos veces, así que Journey Builder lo retiene (salvo que «Envío de correo…» indique reenviar ese correo tras una espera). Revisa la carpeta de enviados del buzón y luego marca cada uno como enviado o vuelve a enviarlo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something in these customers&apos; data or in the journey made their run fail. Everyone else goes on; these wait until the customer has new data, the journey is published again, or you retry them.</source>
        <translation>Algo en los datos de estos clientes o en el recorrido ha hecho que fallen. Los demás siguen; estos esperan hasta que el cliente tenga datos nuevos, se vuelva a publicar el recorrido o los reintentes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry all</source>
        <translation>Reintentar todos</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deferred</source>
        <translation>aplazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain</source>
        <translation>incierto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the customer has not agreed to this channel</source>
        <translation>el cliente no ha dado su consentimiento para este canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address bounced before; nothing more is sent to it</source>
        <translation>la dirección ya rebotó antes; no se le envía nada más</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer no longer exists</source>
        <translation>el cliente ya no existe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late to send (the journey&apos;s catch-up policy skips late messages)</source>
        <translation>demasiado tarde para enviar (la política de recuperación del recorrido omite los mensajes atrasados)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up after repeated temporary failures</source>
        <translation>abandonado tras varios fallos temporales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the journey was archived</source>
        <translation>el recorrido se archivó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed after review</source>
        <translation>descartado tras revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message&apos;s template failed for this customer</source>
        <translation>la plantilla del mensaje falló con este cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than 20 messages from this journey in a day (safety cap)</source>
        <translation>más de 20 mensajes de este recorrido en un día (límite de seguridad)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time ({zone})</source>
        <translation>Hora ({zone})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Times are in the shop&apos;s time zone (Shop ▸ Shop settings…)</source>
        <translation>Las horas están en la zona horaria de la tienda (Tienda ▸ Ajustes de la tienda…)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+37"/>
        <source>Customer id: {id}</source>
        <translation>ID de cliente: {id}</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Parked: {n} customer run(s) failed and wait</source>
        <translation>Aparcados: {n} recorrido(s) de clientes fallaron y esperan</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>since {time}</source>
        <translation>desde {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next wake-up {time}</source>
        <translation>próxima activación {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{queued} queued · {sent} sent · {failed} failed · {uncertain} uncertain</source>
        <translation>{queued} en cola · {sent} enviados · {failed} fallidos · {uncertain} inciertos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending: {where}</source>
        <translation>Enviando: {where}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Export the sending log</source>
        <translation>Exportar el registro de envíos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last heartbeat</source>
        <translation>Última señal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs advanced</source>
        <translation>Recorridos avanzados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>session</source>
        <translation>sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>worker</source>
        <translation>trabajador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role}, gone</source>
        <translation>{role}, detenido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workers: {n} at work</source>
        <translation>Trabajadores: {n} en marcha</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <location filename="../../app/session_pages.py" line="-284"/>
        <source>{n} message(s) were being sent when the last session stopped; review them below</source>
        <translation>{n} mensaje(s) se estaban enviando cuando se detuvo la última sesión; revísalos abajo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session could not start: {reason}</source>
        <translation>No se pudo iniciar la sesión: {reason}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>(next try {time})</source>
        <translation>(próximo intento {time})</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{n} sent</source>
        <translation>{n} enviados</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter the SMTP server first.</source>
        <translation>Primero introduce el servidor SMTP.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../widgets/inspector/settings_form.py" line="+67"/>
        <source>Never (once per customer)</source>
        <translation>Nunca (una vez por cliente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the previous run has ended</source>
        <translation>Cuando haya terminado el recorrido anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always (even while a run is active)</source>
        <translation>Siempre (incluso con un recorrido en curso)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and at least</source>
        <translation>y al menos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>after it ended</source>
        <translation>después de terminar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop a customer&apos;s run when this holds</source>
        <translation>Detener el recorrido de un cliente cuando se cumpla esto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked just before each message is sent</source>
        <translation>Se comprueba justo antes de enviar cada mensaje</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No messages between</source>
        <translation>Sin mensajes entre las</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> messages</source>
        <translation> mensajes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per</source>
        <translation>cada</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Journey settings</source>
        <translation>Ajustes del recorrido</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-entry</source>
        <translation>Reentrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal: leave the journey when</source>
        <translation>Objetivo: salir del recorrido cuando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit filter</source>
        <translation>Filtro de salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours</source>
        <translation>Horas de silencio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency cap</source>
        <translation>Límite de frecuencia</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>(no description)</source>
        <translation>(sin descripción)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Keep</source>
        <translation>Dejar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same customers are always kept out; the journey report compares what they bought with what the others bought</source>
        <translation>Siempre quedan fuera los mismos clientes; el informe del recorrido compara lo que compraron con lo que compraron los demás</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> % of entrants out</source>
        <translation> % de los que entran fuera</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and compare orders for</source>
        <translation>y comparar pedidos durante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after entry</source>
        <translation>tras la entrada</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Holdout: measure what the journey earns</source>
        <translation>Grupo de control: medir lo que gana el recorrido</translation>
    </message>
</context>
<context>
    <name>ShopController</name>
    <message>
        <location filename="../../app/controller.py" line="+125"/>
        <source>look at the shop</source>
        <translation>leer la tienda</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not set up the demo shop in {path}: {reason}</source>
        <translation>No se pudo preparar la tienda de demostración en {path}: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list the journeys</source>
        <translation>listar los recorridos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>open the journey</source>
        <translation>abrir el recorrido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no journey named “{name}”.</source>
        <translation>No hay ningún recorrido llamado «{name}».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>read the segments</source>
        <translation>leer los segmentos</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>read the shop settings</source>
        <translation>leer los ajustes de la tienda</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>read a sample customer</source>
        <translation>leer un cliente de ejemplo</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>save the journey</source>
        <translation>guardar el recorrido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>create the journey</source>
        <translation>crear el recorrido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rename the journey</source>
        <translation>cambiar el nombre del recorrido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} (copy)</source>
        <translation>{name} (copia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate the journey</source>
        <translation>duplicar el recorrido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>delete the journey</source>
        <translation>eliminar el recorrido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>publish the journey</source>
        <translation>publicar el recorrido</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Untitled journey</source>
        <translation>Recorrido sin título</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{path} is not a journey this app can use: {problem}</source>
        <translation>{path} no es un recorrido que esta aplicación pueda usar: {problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>import the journey</source>
        <translation>importar el recorrido</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not write {path}: {reason}</source>
        <translation>No se pudo escribir {path}: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+30"/>
        <source>Could not {what} in {path}: {reason}</source>
        <translation>No se pudo {what} en {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ShopSettingsDialog</name>
    <message>
        <location filename="../../widgets/shop_settings.py" line="+62"/>
        <source>Shop settings</source>
        <translation>Ajustes de la tienda</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Shop</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender email</source>
        <translation>Email del remitente</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+2"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="-8"/>
        <source> emails</source>
        <translation> emails</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> orders</source>
        <translation> pedidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer levels</source>
        <translation>Niveles de cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engagement looks back</source>
        <translation>La interacción mira atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known after at least</source>
        <translation>Conocido tras al menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Super active from an open rate of</source>
        <translation>Superactivo a partir de una tasa de apertura de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsing when the last order is older than</source>
        <translation>En riesgo cuando el último pedido tiene más de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal with at least</source>
        <translation>Fiel con al menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… within</source>
        <translation>… en</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+69"/>
        <location line="+46"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Regenerate…</source>
        <translation>Regenerar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discount codes</source>
        <translation>Códigos de descuento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing secret</source>
        <translation>Secreto de firma</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>https://shop.example/journeys (a tunnel or reverse proxy)</source>
        <translation>https://shop.example/journeys (un túnel o proxy inverso)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> a day (0: no cap)</source>
        <translation> al día (0: sin límite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> a week (0: no cap)</source>
        <translation> a la semana (0: sin límite)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hold it for me to review</source>
        <translation>retenerlo para que lo revise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send it again after a wait</source>
        <translation>volver a enviarlo tras una espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public address for unsubscribe links</source>
        <translation>Dirección pública para los enlaces de baja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without one, links point at this computer and only work here; the session will not mail customers through your account until it is set.</source>
        <translation>Sin ella, los enlaces apuntan a este ordenador y solo funcionan aquí; la sesión no enviará correo a los clientes desde tu cuenta hasta que la indiques.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Endpoint port on this computer</source>
        <translation>Puerto de conexión en este ordenador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API token for your shop&apos;s site</source>
        <translation>Token de API para la web de tu tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing emails per customer, at most</source>
        <translation>Emails de marketing por cliente, como máximo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketing SMS per customer, at most</source>
        <translation>SMS de marketing por cliente, como máximo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A message that may have arrived</source>
        <translation>Mensaje que quizá haya llegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… sent again after</source>
        <translation>… se reenvía tras</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New discount secret</source>
        <translation>Nuevo secreto de descuentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes already handed out will no longer be valid. Make a new secret?</source>
        <translation>Los códigos ya entregados dejarán de ser válidos. ¿Crear un nuevo secreto?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The currency is a 3-letter code like EUR.</source>
        <translation>La moneda es un código de 3 letras como EUR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a time zone from the list (like Europe/Berlin).</source>
        <translation>Elija una zona horaria de la lista (como Europe/Madrid).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sender email is not an email address.</source>
        <translation>El email del remitente no es una dirección de correo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public address is a web address like https://shop.example/journeys.</source>
        <translation>La dirección pública es una dirección web como https://shop.example/journeys.</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 days</source>
        <translation>5 días</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An order counts for the last message received within</source>
        <translation>Un pedido cuenta para el último mensaje recibido en</translation>
    </message>
</context>
<context>
    <name>ShopTools</name>
    <message>
        <location filename="../../app/tools_wiring.py" line="+71"/>
        <source>Simulator</source>
        <translation>Simulador</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Population run</source>
        <translation>Simulación de población</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer calendar</source>
        <translation>Calendario del cliente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending session</source>
        <translation>Sesión de envío</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Simulate</source>
        <translation>&amp;Simular</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the &amp;simulator</source>
        <translation>Mostrar el &amp;simulador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Population run…</source>
        <translation>Simulación de &amp;población…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer &amp;calendar…</source>
        <translation>&amp;Calendario del cliente…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;hop</source>
        <translation>&amp;Tienda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Customers…</source>
        <translation>&amp;Clientes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Segments…</source>
        <translation>&amp;Segmentos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;customers…</source>
        <translation>Importar &amp;clientes…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import &amp;orders…</source>
        <translation>Importar &amp;pedidos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;events…</source>
        <translation>Importar &amp;eventos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop &amp;settings…</source>
        <translation>&amp;Ajustes de la tienda…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sess&amp;ion</source>
        <translation>Sesió&amp;n</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sending session…</source>
        <translation>&amp;Sesión de envío…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email sending…</source>
        <translation>&amp;Envío de correo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ause</source>
        <translation>Pa&amp;usar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ar&amp;chive</source>
        <translation>&amp;Archivar</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Journey report</source>
        <translation>Informe del recorrido</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>What the journey &amp;earned…</source>
        <translation>Lo que &amp;ganó el recorrido…</translation>
    </message>
</context>
<context>
    <name>SimClock</name>
    <message>
        <location filename="../../widgets/simulator/clock.py" line="+45"/>
        <source>Drag to the right to let time pass; the customer walks the journey up to that moment. Going back needs Reset.</source>
        <translation>Arrastre a la derecha para que pase el tiempo; el cliente recorre el recorrido hasta ese momento. Para volver atrás, use Reiniciar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>day </source>
        <translation>día </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days after the start (day 0 is the start)</source>
        <translation>Días después del inicio (el día 0 es el inicio)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the simulation to that day, at the start&apos;s time of day</source>
        <translation>Ejecutar la simulación hasta ese día, a la hora del inicio</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>From {start} to {until} ({tz})</source>
        <translation>Del {start} al {until} ({tz})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day {day} · {when}</source>
        <translation>Día {day} · {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{utc} (UTC) · customer&apos;s time zone: {tz}</source>
        <translation>{utc} (UTC) · zona horaria del cliente: {tz}</translation>
    </message>
</context>
<context>
    <name>SimulationPages</name>
    <message>
        <location filename="../../app/simulation_pages.py" line="+55"/>
        <source>Could not read the shop: {reason}</source>
        <translation>No se pudo leer la tienda: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the journey tests: {reason}</source>
        <translation>No se pudieron leer las pruebas del recorrido: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save the journey tests: {reason}</source>
        <translation>No se pudieron guardar las pruebas del recorrido: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not load customer {id}: {reason}</source>
        <translation>No se pudo cargar el cliente {id}: {reason}</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="+20"/>
        <source>Email</source>
        <translation>Email</translation>
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
        <translation>sin consentimiento para este canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address for this channel</source>
        <translation>sin dirección para este canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the frequency cap is reached</source>
        <translation>se alcanzó el límite de frecuencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late (catch-up policy)</source>
        <translation>demasiado tarde (política de recuperación)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than 20 messages from this journey in a day (safety cap)</source>
        <translation>más de 20 mensajes de este recorrido en un día (límite de seguridad)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reached the goal</source>
        <translation>alcanzó el objetivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all paths ended</source>
        <translation>todos los caminos terminaron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer fits the journey (exit filter)</source>
        <translation>ya no encaja en el recorrido (filtro de salida)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the simulation stopped here</source>
        <translation>la simulación se detuvo aquí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped: the journey loops without waiting</source>
        <translation>detenido: el recorrido entra en bucle sin esperar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entered the journey</source>
        <translation>Entró en el recorrido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waits for the event, at most until {until}</source>
        <translation>Espera el evento, como mucho hasta {until}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until {until}</source>
        <translation>Espera hasta {until}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took the “{port}” way</source>
        <translation>Tomó el camino «{port}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} sent: {headline}</source>
        <translation>{channel} enviado: {headline}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[code {code}]</source>
        <translation>[código {code}]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{channel} not sent: {reason}</source>
        <translation>{channel} no enviado: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel} not sent: the template failed ({error})</source>
        <translation>{channel} no enviado: falló la plantilla ({error})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} held back by quiet hours until {until}</source>
        <translation>{channel} retenido por las horas de silencio hasta {until}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left the journey: {reason}</source>
        <translation>Salió del recorrido: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reached the End step: this path is over</source>
        <translation>Llegó al paso Fin: este camino termina</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tagged “{tag}”</source>
        <translation>etiquetado «{tag}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{property} set to {value}</source>
        <translation>{property} cambiado a {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer updated: {change}</source>
        <translation>Cliente actualizado: {change}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/timeline.py" line="+88"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {utc} UTC</source>
        <translation>hasta {utc} UTC</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/previews.py" line="+95"/>
        <location filename="../../widgets/simulator/timeline.py" line="+9"/>
        <source>The customer</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="-89"/>
        <source>kept out to measure what the journey earns (holdout group)</source>
        <translation>dejado fuera para medir lo que gana el recorrido (grupo de control)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>[variant {variant}]</source>
        <translation>[variante {variant}]</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../../widgets/simulator/panel.py" line="+59"/>
        <source>orders</source>
        <translation>pide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opens an email</source>
        <translation>abre un email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abandons a cart</source>
        <translation>abandona el carrito</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the next thing the journey does with this customer</source>
        <translation>Hacer lo siguiente que el recorrido hace con este cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next message</source>
        <translation>Siguiente mensaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until a message is sent or skipped</source>
        <translation>Ejecutar hasta que se envíe u omita un mensaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run to end</source>
        <translation>Hasta el final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until the end of the simulated period</source>
        <translation>Ejecutar hasta el final del periodo simulado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the start, with the customer as described</source>
        <translation>Volver al inicio, con el cliente tal como está descrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as test…</source>
        <translation>Guardar como prueba…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this customer and the path taken so far as a journey test</source>
        <translation>Guardar este cliente y el camino recorrido hasta ahora como prueba del recorrido</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+437"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="-436"/>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tests</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+368"/>
        <source>What if, now, the customer…</source>
        <translation>¿Y si ahora el cliente…</translation>
    </message>
    <message>
        <location line="-362"/>
        <source>Adds a “{event}” event at the current moment and shows what follows</source>
        <translation>Añade un evento «{event}» en el momento actual y muestra lo que sigue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>other event</source>
        <translation>otro</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>nothing changes right now</source>
        <translation>por ahora no cambia nada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What if “{event}” at {when}: {consequence}</source>
        <translation>¿Y si «{event}» a las {when}?: {consequence}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Open a journey to simulate it.</source>
        <translation>Abra un recorrido para simularlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the journey first ({n} error(s); first: {problem}).</source>
        <translation>Primero corrija el recorrido ({n} error(es); el primero: {problem}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journey cannot run: {reason}</source>
        <translation>El recorrido no puede ejecutarse: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The customer cannot be simulated: {reason}</source>
        <translation>No se puede simular el cliente: {reason}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Waiting at “{node}” until {when}</source>
        <translation>Esperando en «{node}» hasta {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting at “{node}” for the event, at most until {when}</source>
        <translation>Esperando el evento en «{node}», como mucho hasta {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held at “{node}” by quiet hours until {when}</source>
        <translation>Retenido en «{node}» por las horas de silencio hasta {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At “{node}”, about to act</source>
        <translation>En «{node}», a punto de actuar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The simulation is over ({n} step(s)).</source>
        <translation>La simulación ha terminado ({n} paso(s)).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in the journey any more.</source>
        <translation>Ya no está en el recorrido.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in the journey yet.</source>
        <translation>Todavía no está en el recorrido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next thing happens {when}.</source>
        <translation>Lo siguiente ocurre {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing more will happen: add an event or a what-if.</source>
        <translation>No pasará nada más: añada un evento o un «¿y si…?».</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>until {when}</source>
        <translation>hasta {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here</source>
        <translation>aquí</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Another event…</source>
        <translation>Otro evento…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the journey cannot run</source>
        <translation>el recorrido no puede ejecutarse</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as journey test</source>
        <translation>Guardar como prueba del recorrido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test name:</source>
        <translation>Nombre de la prueba:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{n} message(s)</source>
        <translation>{n} mensaje(s)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../widgets/start_page.py" line="+30"/>
        <source>Welcome to Journey Builder</source>
        <translation>Bienvenido a Journey Builder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journey Builder sends your customers the right message at the right moment: a welcome series, a reminder about a forgotten cart, a birthday coupon. You draw each journey as steps on a canvas, try it on customers before anyone gets mail, then let the sending session deliver it.</source>
        <translation>Journey Builder envía a sus clientes el mensaje adecuado en el momento adecuado: una serie de bienvenida, un recordatorio de un carrito olvidado, un cupón de cumpleaños. Dibuja cada recorrido como pasos en un lienzo, lo prueba con clientes antes de que nadie reciba nada y después la sesión de envío lo entrega.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>1. Open a template</source>
        <translation>1. Abra una plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from one of the ready journeys and change the texts to your shop&apos;s.</source>
        <translation>Empiece con uno de los recorridos listos y adapte los textos a su tienda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a template…</source>
        <translation>Abrir una plantilla…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Simulate a customer</source>
        <translation>2. Simule un cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a customer and see, day by day, which messages they would get and why. Nothing is sent.</source>
        <translation>Elija un cliente y vea, día a día, qué mensajes recibiría y por qué. No se envía nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate a customer</source>
        <translation>Simular un cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Start sending to the local catcher</source>
        <translation>3. Empiece a enviar al receptor local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the sending session without a mail account: every email is kept as a file in a folder on this computer, so you can read what customers would get.</source>
        <translation>Ejecute la sesión de envío sin cuenta de correo: cada email se guarda como archivo en una carpeta de este ordenador, para que lea lo que recibirían los clientes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start sending to the catcher</source>
        <translation>Enviar al receptor</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The user guide explains every panel (Help ▸ User guide, F1). This page stays at Help ▸ Start page.</source>
        <translation>La guía de uso explica cada panel (Ayuda ▸ Guía de uso, F1). Esta página sigue en Ayuda ▸ Página de inicio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the user guide</source>
        <translation>Abrir la guía de uso</translation>
    </message>
</context>
<context>
    <name>StepPreview</name>
    <message>
        <location filename="../../widgets/simulator/previews.py" line="-48"/>
        <source>Step through the journey; the selected step shows here, and a sent message as the customer gets it.</source>
        <translation>Recorra el recorrido paso a paso; el paso seleccionado se muestra aquí, y un mensaje enviado tal como lo recibe el cliente.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no rule to explain (random split or event wait)</source>
        <translation>no hay regla que explicar (reparto aleatorio o espera de evento)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} characters · {encoding} · {segments} segment(s)</source>
        <translation>{n} caracteres · {encoding} · {segments} segmento(s)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Language variant: {language}</source>
        <translation>Variante de idioma: {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message&apos;s own text</source>
        <translation>el texto propio del mensaje</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../widgets/inspector/message_editor.py" line="-361"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event that started the journey</source>
        <translation>Evento que inició el recorrido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name, or “there”</source>
        <translation>Nombre (con palabra de reserva)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email address</source>
        <translation>Dirección de email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart value</source>
        <translation>Valor del carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart link</source>
        <translation>Enlace al carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart products (list)</source>
        <translation>Productos del carrito (lista)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entered at</source>
        <translation>Entró el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of orders</source>
        <translation>Número de pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Total gastado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order value</source>
        <translation>Importe del último pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order date</source>
        <translation>Fecha del último pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop website</source>
        <translation>Web de la tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link</source>
        <translation>Enlace de baja</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Insert variable</source>
        <translation>Insertar variable</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counted on the text as the preview customer would get it, with the variables filled in</source>
        <translation>Contado sobre el texto tal como lo recibiría el cliente de la vista previa, con las variables rellenadas</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>{n} characters · {encoding} · {segments} segment(s)</source>
        <translation>{n} caracteres · {encoding} · {segments} segmento(s)</translation>
    </message>
</context>
<context>
    <name>TestSend</name>
    <message>
        <location filename="../../app/test_send.py" line="+53"/>
        <source>Give an address to send the test to.</source>
        <translation>Indique una dirección a la que enviar la prueba.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no way to send {channel} messages.</source>
        <translation>No hay forma de enviar mensajes de {channel}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[Test]</source>
        <translation>[Prueba]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the webhook</source>
        <translation>el webhook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the local outbox</source>
        <translation>la bandeja de salida local</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test was not sent: {reason}</source>
        <translation>La prueba no se envió: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test sent to {to} ({where}).</source>
        <translation>Prueba enviada a {to} ({where}).</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/simulator/timeline.py" line="-63"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
</context>
<context>
    <name>UndoNames</name>
    <message>
        <location filename="../../app/undo_wiring.py" line="+35"/>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Deshacer: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Rehacer: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
</context>
<context>
    <name>VariantsEditor</name>
    <message>
        <location filename="../../widgets/email_designer/fields.py" line="+46"/>
        <source>Add language</source>
        <translation>Añadir idioma</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers get the variant of their language, else the shop&apos;s fallback language, else the message&apos;s own text.</source>
        <translation>Cada cliente recibe la variante de su idioma; si no, la del idioma de respaldo de la tienda; si no, el texto propio del mensaje.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The message&apos;s own text</source>
        <translation>Texto propio del mensaje</translation>
    </message>
</context>
<context>
    <name>WeekdaysEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-120"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>every day</source>
        <translation>todos los días</translation>
    </message>
</context>
<context>
    <name>WeightBranchesEditor</name>
    <message>
        <location filename="../../widgets/inspector/branches.py" line="+38"/>
        <source>weight </source>
        <translation>peso </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove this branch</source>
        <translation>Quitar esta rama</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <location line="-142"/>
        <source>+ Branch</source>
        <translation>+ Rama</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>branch name</source>
        <translation>nombre de la rama</translation>
    </message>
</context>
<context>
    <name>branches</name>
    <message>
        <location line="-81"/>
        <source>Every branch needs a name.</source>
        <translation>Cada rama necesita un nombre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch names must differ: {names}</source>
        <translation>Los nombres de las ramas deben ser distintos: {names}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../widgets/commands.py" line="+53"/>
        <source>Add {name}</source>
        <translation>Añadir {name}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connect {source} → {target}</source>
        <translation>Conectar {source} → {target}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Disconnect {source} → {target}</source>
        <translation>Desconectar {source} → {target}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete {count} item(s)</source>
        <translation>Eliminar {count} elemento(s)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move {count} node(s)</source>
        <translation>Mover {count} paso(s)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>rename “{old}” to “{new}”</source>
        <translation>renombrar «{old}» a «{new}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>change the kind of “{node}”</source>
        <translation>cambiar el tipo de «{node}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change “{node}”</source>
        <translation>cambiar «{node}»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>change {field} of “{node}”</source>
        <translation>cambiar {field} de «{node}»</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Edit journey settings</source>
        <translation>Editar los ajustes del recorrido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename journey</source>
        <translation>Cambiar nombre del recorrido</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reconnect {source}</source>
        <translation>Reconectar {source}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/session_pages.py" line="+22"/>
        <source>Could not save the email settings</source>
        <translation>No se pudo guardar la configuración de correo</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <location filename="../../widgets/events_catalogue.py" line="+28"/>
        <source>Signed up</source>
        <translation>Se registró</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed an order</source>
        <translation>Hizo un pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandoned a cart</source>
        <translation>Abandonó un carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the cart</source>
        <translation>Añadió al carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viewed a product</source>
        <translation>Vio un producto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was sent an email</source>
        <translation>Recibió un email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened an email</source>
        <translation>Abrió un email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicked a link in an email</source>
        <translation>Hizo clic en un enlace de un email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribed to the newsletter</source>
        <translation>Se suscribió al boletín</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribed from the newsletter</source>
        <translation>Se dio de baja del boletín</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has a payment due</source>
        <translation>Tiene un pago pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Pagó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote a review</source>
        <translation>Escribió una reseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile changed by hand</source>
        <translation>Perfil cambiado a mano</translation>
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
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timezone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale</source>
        <translation>Idioma y región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdate</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up at</source>
        <translation>Registrado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since signup</source>
        <translation>Días desde el registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to email</source>
        <translation>Acepta email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to sms</source>
        <translation>Acepta SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to push</source>
        <translation>Acepta push</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of orders</source>
        <translation>Número de pedidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Total gastado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average order value</source>
        <translation>Valor medio del pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order at</source>
        <translation>Último pedido el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order value</source>
        <translation>Importe del último pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since last order</source>
        <translation>Días desde el último pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of events</source>
        <translation>Número de eventos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered the journey at</source>
        <translation>Entró en el recorrido el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engagement</source>
        <translation>Interacción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle stage</source>
        <translation>Etapa del ciclo de vida</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <location filename="../../app/gui.py" line="+88"/>
        <source>Cannot open the shop database</source>
        <translation>No se puede abrir la base de datos de la tienda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem}

Journey Builder has not changed the file. Start it with --db PATH to use another database.</source>
        <translation>{problem}

Journey Builder no ha modificado el archivo. Inícielo con --db RUTA para usar otra base de datos.</translation>
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
        <translation>Preparando la tienda de demostración: clientes, pedidos y diez recorridos listos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not set up the demo shop</source>
        <translation>No se pudo preparar la tienda de demostración</translation>
    </message>
    <message>
        <location line="+156"/>
        <location line="+42"/>
        <source>journey-builder: no journey named “{name}”</source>
        <translation>journey-builder: no hay ningún recorrido llamado «{name}»</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>journey-builder: could not write the screenshot to {path}</source>
        <translation>journey-builder: no se pudo escribir la captura en {path}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+4"/>
        <source>Customer ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name (split into first and last)</source>
        <translation>Nombre completo (se divide en nombre y apellidos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdate</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region / state</source>
        <translation>Región / provincia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up at</source>
        <translation>Registrado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to email</source>
        <translation>Acepta email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to SMS</source>
        <translation>Acepta SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to push</source>
        <translation>Acepta push</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order ID</source>
        <translation>ID del pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer email</source>
        <translation>Email del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed at</source>
        <translation>Fecha del pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item name</source>
        <translation>Nombre del artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item SKU</source>
        <translation>SKU del artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item quantity</source>
        <translation>Cantidad del artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item price</source>
        <translation>Precio del artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event type</source>
        <translation>Tipo de evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Happened at</source>
        <translation>Ocurrió el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>Estado del pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled at</source>
        <translation>Cancelado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart ID</source>
        <translation>ID del carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item image URL</source>
        <translation>URL de la imagen del artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line items (a list)</source>
        <translation>Artículos (una lista)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s first name</source>
        <translation>Nombre del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s last name</source>
        <translation>Apellido del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s full name</source>
        <translation>Nombre completo del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s phone</source>
        <translation>Teléfono del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s city</source>
        <translation>Ciudad del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s region / state</source>
        <translation>Región / estado del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s country</source>
        <translation>País del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s postal code</source>
        <translation>Código postal del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s language</source>
        <translation>Idioma del invitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest consents to email</source>
        <translation>El invitado acepta correos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandoned at</source>
        <translation>Abandonado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart value</source>
        <translation>Valor del carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart link</source>
        <translation>Enlace al carrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed at (bought)</source>
        <translation>Completado el (comprado)</translation>
    </message>
</context>
<context>
    <name>locale</name>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="-52"/>
        <source>en</source>
        <translation>es</translation>
    </message>
</context>
<context>
    <name>outcomes</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="-236"/>
        <location filename="../../widgets/simulator/reasons.py" line="+50"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../widgets/simulator/reasons.py" line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next</source>
        <translation>siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no consent</source>
        <translation>sin consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frequency cap</source>
        <translation>límite de frecuencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shop&apos;s daily cap</source>
        <translation>límite diario de la tienda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety cap</source>
        <translation>límite de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late</source>
        <translation>demasiado tarde</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+5"/>
        <source>SSL/TLS</source>
        <translation>Cifrado SSL/TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STARTTLS</source>
        <translation>Cifrado STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Ninguna (sin cifrar)</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+9"/>
        <source>port &apos;{port}&apos; is not connected (customers taking it end here)</source>
        <translation>la salida «{port}» no está conectada (los clientes que la tomen terminan aquí)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable: no path leads here from the trigger</source>
        <translation>inalcanzable: ningún camino lleva hasta aquí desde el disparador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the journey has no trigger (it needs exactly one)</source>
        <translation>el recorrido no tiene disparador (necesita exactamente uno)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a second trigger (the journey needs exactly one; the first is &apos;{first}&apos;)</source>
        <translation>un segundo disparador (el recorrido necesita exactamente uno; el primero es «{first}»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an edge leads into the trigger &apos;{trigger}&apos;</source>
        <translation>una conexión entra en el disparador «{trigger}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a loop with no delay or wait in it would repeat forever at one instant ({path})</source>
        <translation>un bucle sin espera se repetiría sin fin en el mismo instante ({path})</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <location filename="../../widgets/simulator/reasons.py" line="-25"/>
        <source>exactly {value}</source>
        <translation>exactamente {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>anything but {value}</source>
        <translation>cualquier cosa salvo {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than {value}</source>
        <translation>más de {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least {value}</source>
        <translation>al menos {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than {value}</source>
        <translation>menos de {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most {value}</source>
        <translation>como mucho {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of {value}</source>
        <translation>uno de {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none of {value}</source>
        <translation>ninguno de {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it to contain {value}</source>
        <translation>que contenga {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>between {value}</source>
        <translation>entre {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value</source>
        <translation>un valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no value</source>
        <translation>ningún valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within {value}</source>
        <translation>dentro de {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{km} km of {place}</source>
        <translation>{km} km de {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{low} and {high}</source>
        <translation>{low} y {high}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>since entering the journey</source>
        <translation>desde que entró en el recorrido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the last {window}</source>
        <translation>en los últimos {window}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>met</source>
        <translation>se cumple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not met</source>
        <translation>no se cumple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who} is in the segment “{segment}”</source>
        <translation>{who} está en el segmento «{segment}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{who} is not in the segment “{segment}”</source>
        <translation>{who} no está en el segmento «{segment}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who}: {field}{scope} is {actual}; the rule needs {needs} — {verdict}</source>
        <translation>{who}: {field}{scope} es {actual}; la regla necesita {needs} — {verdict}</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+57"/>
        <source>When an event happens</source>
        <translation>Cuando ocurre un evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the journey when the customer does something (signs up, abandons a cart…).</source>
        <translation>Inicia el recorrido cuando el cliente hace algo (se registra, abandona un carrito…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if</source>
        <translation>Solo si</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a customer stops buying</source>
        <translation>Cuando un cliente deja de comprar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts when the customer&apos;s last order becomes this old.</source>
        <translation>Se inicia cuando el último pedido del cliente alcanza esta antigüedad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Tras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a date</source>
        <translation>En una fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts on a date of the customer&apos;s (birthday, signup anniversary), before or after it.</source>
        <translation>Se inicia en una fecha del cliente (cumpleaños, aniversario de registro), antes o después de ella.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset</source>
        <translation>Desfase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a customer joins a segment</source>
        <translation>Cuando un cliente entra en un segmento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts when the customer enters a segment.</source>
        <translation>Se inicia cuando el cliente entra en un segmento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits a fixed time. Days, weeks and months follow the customer&apos;s calendar.</source>
        <translation>Espera un tiempo fijo. Los días, semanas y meses siguen el calendario del cliente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for</source>
        <translation>Esperar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until a date</source>
        <translation>Esperar hasta una fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until a date of the customer&apos;s (with an offset); goes on at once if it has passed.</source>
        <translation>Espera hasta una fecha del cliente (con desfase); sigue enseguida si ya ha pasado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for a time of day</source>
        <translation>Esperar a una hora del día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until the next such local time (now included), on the chosen weekdays.</source>
        <translation>Espera hasta la próxima vez que sea esa hora local (incluida la actual), en los días elegidos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>A las</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If / else</source>
        <translation>Si / si no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes on by &apos;yes&apos; when the rule holds, by &apos;no&apos; otherwise.</source>
        <translation>Sigue por «sí» cuando se cumple la regla y por «no» en caso contrario.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by rules</source>
        <translation>Dividir por reglas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first branch whose rule holds is taken; the &apos;else&apos; branch otherwise.</source>
        <translation>Se toma la primera rama cuya regla se cumple; si no, la rama «si no».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branches</source>
        <translation>Ramas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Otherwise</source>
        <translation>Si no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random split</source>
        <translation>División aleatoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends each customer down one branch at random, by weight (an A/B test).</source>
        <translation>Envía a cada cliente por una rama al azar, según el peso (una prueba A/B).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for an event</source>
        <translation>Esperar un evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;yes&apos; as soon as the event happens, &apos;no&apos; when the time runs out first.</source>
        <translation>«sí» en cuanto ocurre el evento, «no» si el tiempo se acaba antes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends an email.</source>
        <translation>Envía un email.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code unique to the customer and this message</source>
        <translation>Un código único para el cliente y este mensaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a text message.</source>
        <translation>Envía un SMS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push notification</source>
        <translation>Notificación push</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a push notification to the shop&apos;s app.</source>
        <translation>Envía una notificación push a la app de la tienda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends the customer&apos;s journey on this path (as a way that leads nowhere does, but said).</source>
        <translation>Termina el recorrido del cliente en este camino (como una salida que no lleva a ninguna parte, pero dicho).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update customer</source>
        <translation>Actualizar cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a tag to the customer or sets one of their properties; later steps see it.</source>
        <translation>Añade una etiqueta al cliente o fija una de sus propiedades; los pasos siguientes lo ven.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add tag</source>
        <translation>Añadir etiqueta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set property</source>
        <translation>Fijar propiedad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body is</source>
        <translation>Formato del cuerpo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind of message</source>
        <translation>Tipo de mensaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactional messages go without marketing consent and caps, never to a bounced address</source>
        <translation>Los mensajes transaccionales se envían sin consentimiento de marketing ni límites, pero nunca a una dirección que haya rebotado</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text is mailed as written, with an HTML part made from it; HTML as written; blocks are designed in the email designer</source>
        <translation>El texto se envía tal cual, con una parte HTML hecha a partir de él; el HTML tal cual; los bloques se diseñan en el diseñador de correos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design</source>
        <translation>Diseño</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message in other languages; the customer&apos;s language picks one</source>
        <translation>El mensaje en otros idiomas; el idioma del cliente elige uno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A/B test</source>
        <translation>Prueba A/B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants of this message, split between customers; the best one can be picked later</source>
        <translation>Variantes de este mensaje, repartidas entre los clientes; la mejor se puede elegir después</translation>
    </message>
</context>
<context>
    <name>rule_rows</name>
    <message>
        <location filename="../../widgets/inspector/rule_rows.py" line="-95"/>
        <source>is on</source>
        <translation>es el</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is</source>
        <translation>es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not</source>
        <translation>no es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is after</source>
        <translation>es posterior a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is more than</source>
        <translation>es mayor que</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is on or after</source>
        <translation>es el o después del</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is at least</source>
        <translation>es al menos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is before</source>
        <translation>es anterior a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is less than</source>
        <translation>es menor que</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is on or before</source>
        <translation>es el o antes del</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is at most</source>
        <translation>es como máximo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is one of</source>
        <translation>es uno de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is none of</source>
        <translation>no es ninguno de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>contiene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is between</source>
        <translation>está entre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is known</source>
        <translation>se conoce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is unknown</source>
        <translation>no se conoce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is within</source>
        <translation>está a menos de</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+92"/>
        <source>demographic</source>
        <translation>demográficos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>behavioural</source>
        <translation>de comportamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>engagement</source>
        <translation>interacción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lifecycle</source>
        <translation>ciclo de vida</translation>
    </message>
</context>
<context>
    <name>summaries</name>
    <message>
        <location filename="../../widgets/summaries.py" line="+24"/>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in</source>
        <translation>no en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>contiene</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>between</source>
        <translation>entre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exists</source>
        <translation>existe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>within</source>
        <translation>a menos de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} year</source>
        <translation>{n} año</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} years</source>
        <translation>{n} años</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} month</source>
        <translation>{n} mes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} months</source>
        <translation>{n} meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} week</source>
        <translation>{n} semana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} weeks</source>
        <translation>{n} semanas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} day</source>
        <translation>{n} día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} hour</source>
        <translation>{n} hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} hours</source>
        <translation>{n} horas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} minute</source>
        <translation>{n} minuto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} minutes</source>
        <translation>{n} minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} second</source>
        <translation>{n} segundo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} seconds</source>
        <translation>{n} segundos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no time</source>
        <translation>sin tiempo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>events</source>
        <translation>eventos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{km} km of {place}</source>
        <translation>{km} km de {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>always</source>
        <translation>siempre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not ({rule})</source>
        <translation>no ({rule})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in segment {segment}</source>
        <translation>en el segmento {segment}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{event} events</source>
        <translation>eventos {event}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} in last {window}</source>
        <translation>{field} en los últimos {window}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} since entry</source>
        <translation>{field} desde la entrada</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Next {at} ({days})</source>
        <translation>Próximas {at} ({days})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next {at}</source>
        <translation>Próximas {at}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random: {parts}</source>
        <translation>Aleatorio: {parts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMS: {text}</source>
        <translation>SMS: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journey ends here</source>
        <translation>El recorrido termina aquí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag “{tag}”</source>
        <translation>Etiqueta «{tag}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set {property} to {value}</source>
        <translation>Fijar {property} a {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the customer</source>
        <translation>Actualizar el cliente</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>When {event}</source>
        <translation>Cuando {event}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, if {rule}</source>
        <translation>, si {rule}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{after} after the last order</source>
        <translation>{after} después del último pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On {field}</source>
        <translation>En {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{offset} before {field}</source>
        <translation>{offset} antes de {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{offset} after {field}</source>
        <translation>{offset} después de {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins segment {segment}</source>
        <translation>Entra en el segmento {segment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait {duration}</source>
        <translation>Esperar {duration}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until {when}</source>
        <translation>Hasta {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split: {ports}</source>
        <translation>División: {ports}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for {event} (at most {timeout})</source>
        <translation>Esperar {event} (como máximo {timeout})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email: {subject}</source>
        <translation>Email: {subject}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push: {title}</source>
        <translation>Push: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no title)</source>
        <translation>(sin título)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/screenshots.py" line="-3"/>
        <source>About Journey Builder</source>
        <translation>Acerca de Journey Builder</translation>
    </message>
</context>
</TS>
