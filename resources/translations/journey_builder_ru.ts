<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AbTestEditor</name>
    <message>
        <location filename="../../widgets/inspector/ab_test_editor.py" line="+52"/>
        <source>Test variants of this message</source>
        <translation>Тестировать варианты этого сообщения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each customer always gets the same variant; the report shows how each one does and how likely it is to be the best</source>
        <translation>Каждый клиент всегда получает один и тот же вариант; отчёт показывает результаты каждого и вероятность того, что он лучший</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ Variant</source>
        <translation>+ Вариант</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicks (where the shop records them)</source>
        <translation>Клики (если магазин их записывает)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick the winner on its own at</source>
        <translation>Выбрать победителя автоматически при</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> % probability to be best</source>
        <translation> % вероятности быть лучшим</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> recipients per variant at least</source>
        <translation> получателей на вариант как минимум</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Winner chosen on</source>
        <translation>Победитель по</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>weight </source>
        <translation>вес </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this variant</source>
        <translation>Удалить этот вариант</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: the message&apos;s own</source>
        <translation>{field}: как в сообщении</translation>
    </message>
</context>
<context>
    <name>BlockForm</name>
    <message>
        <location filename="../../widgets/email_designer/designer.py" line="+440"/>
        <source>The shop&apos;s logo (Shop settings ▸ Email design), linked to its website.</source>
        <translation>Логотип магазина (Настройки магазина ▸ Оформление писем) со ссылкой на его сайт.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links to the shop&apos;s profiles from Shop settings ▸ Email design.</source>
        <translation>Ссылки на профили магазина из Настроек магазина ▸ Оформление писем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shop&apos;s name and address, and the unsubscribe link: always there in marketing email.</source>
        <translation>Название и адрес магазина и ссылка для отписки: в маркетинговых письмах всегда есть.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A thin line between blocks.</source>
        <translation>Тонкая линия между блоками.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each item&apos;s picture, name, quantity and price, linked to its page.</source>
        <translation>Фото, название, количество и цена каждого товара со ссылкой на его страницу.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Centred</source>
        <translation>По центру</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Large</source>
        <translation>Крупный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Средний</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>or a variable such as {{ entry.cart_url }}</source>
        <translation>или переменная, например {{ entry.cart_url }}</translation>
    </message>
</context>
<context>
    <name>BlocksEditor</name>
    <message>
        <location filename="../../widgets/email_designer/fields.py" line="+78"/>
        <source>Open the email designer…</source>
        <translation>Открыть конструктор писем…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} blocks: {names}</source>
        <translation>Блоков: {n}: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No blocks yet</source>
        <translation>Блоков пока нет</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Email designer</source>
        <translation>Конструктор писем</translation>
    </message>
</context>
<context>
    <name>BounceMailboxGroup</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+74"/>
        <source>Bounce mailbox (IMAP)</source>
        <translation>Ящик для возвратов (IMAP)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(stored; type to change)</source>
        <translation>(сохранён; введите, чтобы изменить)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(leave them where they are)</source>
        <translation>(оставить на месте)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IMAP server</source>
        <translation>IMAP-сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Шифрование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move processed reports to</source>
        <translation>Перемещать обработанные отчёты в</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hard bounces and spam complaints found here stop all further mail to that address; five soft bounces within 30 days count as a hard one. Other mail in the folder is left unread. Leave the server empty to read no bounces.</source>
        <translation>Постоянные ошибки доставки (hard bounce) и жалобы на спам, найденные здесь, прекращают всю дальнейшую отправку на этот адрес; пять временных ошибок (soft bounce) за 30 дней считаются одной постоянной. Остальные письма в папке остаются непрочитанными. Оставьте поле сервера пустым, чтобы не проверять возвраты.</translation>
    </message>
</context>
<context>
    <name>CustomerCalendar</name>
    <message>
        <location filename="../../widgets/customer_calendar.py" line="+162"/>
        <source>⚠ {n} journeys</source>
        <translation>⚠ сценариев: {n}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>+{n} more</source>
        <translation>ещё {n}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Customer id, e-mail or name</source>
        <translation>ID клиента, email или имя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journey</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Same day: {names}</source>
        <translation>В тот же день: {names}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No messages in this period.</source>
        <translation>За этот период сообщений нет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} messages, no day with messages from two journeys.</source>
        <translation>Сообщений: {n}; ни в один день нет сообщений из двух сценариев.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {n} days with messages from two or more journeys: {days}</source>
        <translation>⚠ {n} дн. с сообщениями из двух и более сценариев: {days}</translation>
    </message>
</context>
<context>
    <name>CustomerCalendarPage</name>
    <message>
        <location filename="../../app/population_pages.py" line="+163"/>
        <source>No customer matches “{text}”.</source>
        <translation>Нет клиента, подходящего под «{text}».</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../widgets/simulator/customer_form.py" line="+42"/>
        <source>Customer id</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
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
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthdate</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>comma separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Язык</translation>
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
        <translation>Согласие на</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order history. When: &apos;-40d&apos; is 40 days before the start; an ISO time works too</source>
        <translation>История заказов. Когда: «-40d» — за 40 дней до начала; подойдёт и время в формате ISO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Properties (JSON)</source>
        <translation>Свойства (JSON)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the customer will do: &apos;+0&apos; at the start, &apos;+30h&apos; thirty hours later. An order_placed event is an order.</source>
        <translation>Что сделает клиент: «+0» — в момент начала, «+30h» — через тридцать часов. Событие order_placed — это заказ.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Custom properties</source>
        <translation>Собственные свойства</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add property</source>
        <translation>Добавить свойство</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order history</source>
        <translation>История заказов</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add order</source>
        <translation>Добавить заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scripted events (from the start)</source>
        <translation>Запланированные события (с начала)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Order {n}</source>
        <translation>Заказ {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order {n}: the total &apos;{total}&apos; is not a number</source>
        <translation>Заказ {n}: сумма «{total}» — не число</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Event {n}</source>
        <translation>Событие {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where}: which event? (e.g. cart_abandoned)</source>
        <translation>{where}: какое событие? (например, cart_abandoned)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: properties must be a JSON object like {{&quot;total&quot;: 59.9}}</source>
        <translation>{where}: свойства должны быть JSON-объектом, например {{&quot;total&quot;: 59.9}}</translation>
    </message>
</context>
<context>
    <name>CustomerTab</name>
    <message>
        <location filename="../../widgets/simulator/customer_tab.py" line="+71"/>
        <source>A customer from the shop&apos;s database, or a test customer you describe below</source>
        <translation>Клиент из базы магазина или тестовый клиент, которого вы опишете ниже</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test customer (described below)</source>
        <translation>Тестовый клиент (описан ниже)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a copy</source>
        <translation>Изменить копию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this shop customer into the test customer form to change them</source>
        <translation>Скопировать этого клиента магазина в форму тестового клиента, чтобы изменить его</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When the simulation starts, in the customer&apos;s time zone. Events before it are history; a trigger before it does not enroll.</source>
        <translation>Когда начинается симуляция, по часовому поясу клиента. Более ранние события — это история; триггер до начала не запускает сценарий.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At their latest event</source>
        <translation>В момент последнего события</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start when the customer&apos;s most recent event happened, so the journey reacts to it (an abandoned cart, an order)</source>
        <translation>Начать в момент последнего события клиента, чтобы сценарий на него отреагировал (брошенная корзина, заказ)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the virtual clock may run</source>
        <translation>Как далеко может идти виртуальное время</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate for</source>
        <translation>Симулировать</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>loading the customer…</source>
        <translation>загрузка клиента…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Loading the customer…</source>
        <translation>Загрузка клиента…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · {email} · {tz}
{orders} order(s), {events} event(s){last} · agreed to: {consent}</source>
        <translation>{name} · {email} · {tz}
заказов: {orders}, событий: {events}{last} · согласие на: {consent}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no email</source>
        <translation>нет email</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, latest {when}</source>
        <translation>, последнее {when}</translation>
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
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../app/shop_pages.py" line="+251"/>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../widgets/customers_view.py" line="+50"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
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
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthdate</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postal code</source>
        <translation>Почтовый индекс</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Язык</translation>
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
        <translation>Изменить {fields} у клиента {customer}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Search by name, email or city</source>
        <translation>Поиск по имени, email или городу</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Record an event…</source>
        <translation>Записать событие…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add something the customer did (an order, a review…) to their history; journeys react to it as to any event from the shop</source>
        <translation>Добавить в историю клиента то, что он сделал (заказ, отзыв…); сценарии реагируют на это как на любое событие из магазина</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Consents to</source>
        <translation>Согласие на</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placed at</source>
        <translation>Дата заказа</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Journey</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Entered</source>
        <translation>Вошли</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject / reason</source>
        <translation>Тема / причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Journeys</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No customer selected</source>
        <translation>Клиент не выбран</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer {id}, signed up {when}</source>
        <translation>Клиент {id}, зарегистрирован {when}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>1 customer</source>
        <translation>1 клиент</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} customers</source>
        <translation>Клиентов: {n}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Record an event for {name}</source>
        <translation>Записать событие для {name}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot record the event</source>
        <translation>Не удалось записать событие</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot change the customer</source>
        <translation>Не удалось изменить клиента</translation>
    </message>
</context>
<context>
    <name>DiscountEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+545"/>
        <source>Include a personal discount code</source>
        <translation>Добавить персональный промокод</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. CART</source>
        <translation>например, CART</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Percent off</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code prefix</source>
        <translation>Префикс кода</translation>
    </message>
</context>
<context>
    <name>DkimGroup</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+26"/>
        <source>DKIM signing (own mail server only)</source>
        <translation>Подпись DKIM (только для своего почтового сервера)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. shop2025</source>
        <translation>например, shop2025</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the sender&apos;s domain)</source>
        <translation>(домен отправителя)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(or paste the key below)</source>
        <translation>(или вставьте ключ ниже)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(stored; paste a new PEM key to change)</source>
        <translation>(сохранён; чтобы изменить, вставьте новый ключ PEM)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selector</source>
        <translation>Селектор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>Домен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key file</source>
        <translation>Файл закрытого ключа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gmail, Microsoft 365, Brevo and Amazon SES sign for you: leave this empty when you send through them. A pasted key is kept in the system keyring.</source>
        <translation>Gmail, Microsoft 365, Brevo и Amazon SES подписывают письма сами: если вы отправляете через них, оставьте эти поля пустыми. Вставленный ключ хранится в системном хранилище паролей.</translation>
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
        <translation>после</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before</source>
        <translation>до</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>minutes</source>
        <translation>мин</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hours</source>
        <translation>ч</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>нед.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>months</source>
        <translation>мес.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>years</source>
        <translation>г.</translation>
    </message>
</context>
<context>
    <name>EditorWiringMixin</name>
    <message>
        <location filename="../../app/editor_wiring.py" line="+29"/>
        <source>Editing…</source>
        <translation>Редактирование…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All changes saved</source>
        <translation>Все изменения сохранены</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>1 error</source>
        <translation>1 ошибка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>Ошибок: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Can run · 1 warning</source>
        <translation>Может работать · 1 предупреждение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can run · {n} warnings</source>
        <translation>Может работать · предупреждений: {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Can run</source>
        <translation>Может работать</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Shop database: {path}</source>
        <translation>База магазина: {path}</translation>
    </message>
</context>
<context>
    <name>EmailDesignGroup</name>
    <message>
        <location filename="../../widgets/email_design_settings.py" line="+70"/>
        <source>Email design and languages</source>
        <translation>Оформление писем и языки</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>more languages, like fr, it, pt_BR</source>
        <translation>другие языки, например fr, it, pt_BR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo (web address)</source>
        <translation>Логотип (веб-адрес)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buttons and links</source>
        <translation>Кнопки и ссылки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Around the email</source>
        <translation>Вокруг письма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind the blocks</source>
        <translation>Под блоками</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fallback language</source>
        <translation>Запасной язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other languages</source>
        <translation>Другие языки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{field}: a web address like https://shop.example</source>
        <translation>{field}: веб-адрес вида https://shop.example</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}: a colour like #2f6f4f</source>
        <translation>{field}: цвет вида #2f6f4f</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fallback language is a code like en or pt_BR.</source>
        <translation>Запасной язык задаётся кодом вроде en или pt_BR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other languages: codes like fr, it or pt_BR, separated by commas.</source>
        <translation>Другие языки: коды вроде fr, it или pt_BR через запятую.</translation>
    </message>
</context>
<context>
    <name>EmailDesigner</name>
    <message>
        <location filename="../../widgets/email_designer/designer.py" line="-443"/>
        <source>Header with logo</source>
        <translation>Шапка с логотипом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Image</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button</source>
        <translation>Кнопка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divider</source>
        <translation>Разделитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product list</source>
        <translation>Список товаров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount code</source>
        <translation>Код скидки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social links</source>
        <translation>Ссылки на соцсети</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Подвал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code (template)</source>
        <translation>Код (шаблон)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line under the logo</source>
        <translation>Строка под логотипом</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image address</source>
        <translation>Адрес изображения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (shown when images are off)</source>
        <translation>Описание (видно, когда картинки отключены)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Width (pixels)</source>
        <translation>Ширина (пиксели)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Products from</source>
        <translation>Товары из</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When there are none</source>
        <translation>Если их нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Не больше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line under the code</source>
        <translation>Строка под кодом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link text</source>
        <translation>Текст ссылки для отписки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template (plain text with {{ variables }} and {% if %} tags)</source>
        <translation>Шаблон (обычный текст с {{ variables }} и тегами {% if %})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cart or order of the event that started the journey</source>
        <translation>Корзина или заказ из события, с которого начался путь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The event&apos;s products (older imports)</source>
        <translation>Товары события (старые импорты)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The event&apos;s items, else its products (any shop&apos;s carts)</source>
        <translation>Товары события, иначе его продукты (корзины любого магазина)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer&apos;s last order</source>
        <translation>Последний заказ клиента</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A heading</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your text here.</source>
        <translation>Напишите здесь свой текст.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit the shop</source>
        <translation>В магазин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your personal code:</source>
        <translation>Ваш личный код:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Shop address and unsubscribe link</source>
        <translation>Адрес магазина и ссылка для отписки</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>A marketing email keeps its footer: it carries the unsubscribe link.</source>
        <translation>Маркетинговое письмо сохраняет подвал: в нём ссылка для отписки.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Blocks (drag to reorder)</source>
        <translation>Блоки (перетащите, чтобы изменить порядок)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a block</source>
        <translation>Добавить блок</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Edit this template by hand (leaves the designer)</source>
        <translation>Редактировать этот шаблон вручную (выход из конструктора)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The HTML template these blocks make (MJML, then the sandboxed template language). Taking it over turns the body into an HTML template you edit as text.</source>
        <translation>HTML-шаблон, который получается из этих блоков (MJML, затем язык шаблонов в песочнице). Если взять его, текст письма станет HTML-шаблоном, который редактируется как текст.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Обычный текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Block {where}</source>
        <translation>Блок {where}</translation>
    </message>
</context>
<context>
    <name>EmailPreview</name>
    <message>
        <location filename="../../widgets/email_preview.py" line="+170"/>
        <source>Desktop</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The email preview needs QtWebEngine (PySide6-Addons), which is not installed.</source>
        <translation>Для предпросмотра писем нужен QtWebEngine (PySide6-Addons), а он не установлен.</translation>
    </message>
</context>
<context>
    <name>EmailSettingsDialog</name>
    <message>
        <location filename="../../widgets/email_settings.py" line="+41"/>
        <source>Email sending</source>
        <translation>Отправка почты</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>STARTTLS</source>
        <translation>Шифрование STARTTLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSL/TLS</source>
        <translation>Шифрование SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Нет (без шифрования)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(stored; type to change)</source>
        <translation>(сохранён; введите, чтобы изменить)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop &lt;hello@shop.example&gt;</source>
        <translation>Магазин &lt;hello@shop.example&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Provider</source>
        <translation>Почтовый сервис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP server</source>
        <translation>SMTP-сервер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Шифрование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per minute</source>
        <translation>Сообщений в минуту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per day</source>
        <translation>Сообщений в день</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept in the system keyring, not in the shop file. Leave the server empty to send to the local catcher instead.</source>
        <translation>Пароль хранится в системном хранилище паролей, а не в файле магазина. Оставьте поле сервера пустым, чтобы вместо этого отправлять в локальный перехватчик писем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send test</source>
        <translation>Отправить тест</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounces</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM</source>
        <translation>Подпись DKIM</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../widgets/event_dialog.py" line="+67"/>
        <source>Event:</source>
        <translation>Событие:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When ({zone}):</source>
        <translation>Когда ({zone}):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Properties (optional):</source>
        <translation>Свойства (необязательно):</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Choose or type an event.</source>
        <translation>Выберите или введите событие.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An event name is letters, digits and _ (like review_written), not “{name}”.</source>
        <translation>Имя события состоит из латинских букв, цифр и _ (например, review_written), а не «{name}».</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+248"/>
        <source>event name</source>
        <translation>название события</translation>
    </message>
</context>
<context>
    <name>ExitOnEditor</name>
    <message>
        <location filename="../../widgets/inspector/settings_form.py" line="+58"/>
        <source>+ Goal event</source>
        <translation>+ Целевое событие</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No goal: customers leave when their paths end.</source>
        <translation>Цели нет: клиенты выходят, когда их путь заканчивается.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>only if…</source>
        <translation>только если…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove this goal event</source>
        <translation>Удалить это целевое событие</translation>
    </message>
</context>
<context>
    <name>FieldNameEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+43"/>
        <source>Customer property…</source>
        <translation>Свойство клиента…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry event property…</source>
        <translation>Свойство события входа…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>property name</source>
        <translation>название свойства</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+41"/>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose a file</source>
        <translation>Выберите файл</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CSV export of Shopify, WooCommerce or PrestaShop, any CSV with a header row, or JSON (a list of records or profile files).</source>
        <translation>Выгрузка CSV из Shopify, WooCommerce или PrestaShop, любой CSV со строкой заголовков или JSON (список записей или файлы профилей).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file holds</source>
        <translation>В файле</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import file</source>
        <translation>Импорт файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop exports (*.csv *.json *.jsonl *.txt);;All files (*)</source>
        <translation>Выгрузки магазина (*.csv *.json *.jsonl *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Abandoned carts</source>
        <translation>Брошенные корзины</translation>
    </message>
</context>
<context>
    <name>GalleryDialog</name>
    <message>
        <location filename="../../widgets/gallery_dialog.py" line="+51"/>
        <source>New journey</source>
        <translation>Новый сценарий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank journey</source>
        <translation>Пустой сценарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty canvas: add a trigger from the palette and build from there.</source>
        <translation>Пустой холст: добавьте триггер из палитры и стройте дальше.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start from a template made for a common shop situation, or from scratch.</source>
        <translation>Начните с шаблона для типичной ситуации магазина или с нуля.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+15"/>
        <source>Untitled journey</source>
        <translation>Сценарий без названия</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Empty canvas</source>
        <translation>Пустой холст</translation>
    </message>
</context>
<context>
    <name>GeoInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="+329"/>
        <source>City or postcode</source>
        <translation>Город или индекс</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>lat</source>
        <translation>шир.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lon</source>
        <translation>долг.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coordinates</source>
        <translation>Координаты</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No city or postcode “{text}” is known; give the coordinates instead.</source>
        <translation>Город или индекс «{text}» неизвестен; укажите координаты.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Centre: {lat:.4f}, {lon:.4f}</source>
        <translation>Центр: {lat:.4f}, {lon:.4f}</translation>
    </message>
</context>
<context>
    <name>GroupWidget</name>
    <message>
        <location filename="../../widgets/inspector/rule_builder.py" line="+62"/>
        <source>All of these</source>
        <translation>Все эти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any of these</source>
        <translation>Любое из этих</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negate the whole group</source>
        <translation>Инвертировать всю группу</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove this group</source>
        <translation>Удалить эту группу</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+ Condition</source>
        <translation>+ Условие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+ Group</source>
        <translation>+ Группа</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>are true</source>
        <translation>выполняются</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is true</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conditions yet: always true.</source>
        <translation>Условий пока нет: всегда верно.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No conditions yet: never true.</source>
        <translation>Условий пока нет: никогда не верно.</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <location filename="../../widgets/help_browser.py" line="+13"/>
        <source>Journey Builder user guide</source>
        <translation>Journey Builder: руководство пользователя</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <location filename="../../app/help_wiring.py" line="+48"/>
        <source>&amp;Start page</source>
        <translation>&amp;Начальная страница</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There is no journey to simulate yet: open a template first.</source>
        <translation>Пока нет сценария для моделирования: сначала откройте шаблон.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This shop has a mail account set up, so sending would reach real customers. Press Start in the Sending session panel when you mean it.</source>
        <translation>У магазина настроен почтовый ящик, поэтому отправка дойдёт до настоящих клиентов. Нажмите «Запустить» на панели «Сеанс отправки», когда будете готовы.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session is sending to the local catcher: see the Sending session panel.</source>
        <translation>Сеанс отправляет письма в локальный перехватчик: смотрите панель «Сеанс отправки».</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+310"/>
        <source>Import shop data</source>
        <translation>Импорт данных магазина</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>Далее &gt;</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector/inspector.py" line="+313"/>
        <source>Open or create a journey to edit it here.</source>
        <translation>Откройте или создайте сценарий, чтобы редактировать его здесь.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&apos;{id}&apos; is a node of an unknown kind ({type}/{kind}).</source>
        <translation>«{id}» — шаг неизвестного вида ({type}/{kind}).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fix the message first: {problem}</source>
        <translation>Сначала исправьте сообщение: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your email address:</source>
        <translation>Ваш адрес электронной почты:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your mobile number:</source>
        <translation>Ваш номер мобильного:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your device or customer id:</source>
        <translation>Ваше устройство или ID клиента:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a test to me</source>
        <translation>Отправить тест себе</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-154"/>
        <source>plain text</source>
        <translation>простой текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML</source>
        <translation>HTML-код</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>marketing (needs consent, has an unsubscribe link)</source>
        <translation>маркетинговое (нужно согласие, есть ссылка для отписки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transactional (an order, a payment: no consent needed)</source>
        <translation>транзакционное (заказ, оплата: согласие не нужно)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>designed in the email designer</source>
        <translation>оформлено в конструкторе писем</translation>
    </message>
</context>
<context>
    <name>JourneyActionsMixin</name>
    <message>
        <location filename="../../app/journey_actions.py" line="+29"/>
        <source>Journey files (*.json);;All files (*)</source>
        <translation>Файлы сценариев (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Could not create the journey</source>
        <translation>Не удалось создать сценарий</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+27"/>
        <source>Import journey</source>
        <translation>Импорт сценария</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+14"/>
        <source>Could not import the journey</source>
        <translation>Не удалось импортировать сценарий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported “{name}” from {file}</source>
        <translation>«{name}» импортирован из {file}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A journey named “{name}” already exists.</source>
        <translation>Сценарий «{name}» уже существует.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace its draft with the file, or keep both?</source>
        <translation>Заменить его черновик файлом или оставить оба?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace draft</source>
        <translation>Заменить черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both</source>
        <translation>Оставить оба</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export journey</source>
        <translation>Экспорт сценария</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export the journey</source>
        <translation>Не удалось экспортировать сценарий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported “{name}” to {file}</source>
        <translation>«{name}» экспортирован в {file}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not rename the journey</source>
        <translation>Не удалось переименовать сценарий</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Renamed “{old}” to “{new}”</source>
        <translation>«{old}» переименован в «{new}»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not duplicate the journey</source>
        <translation>Не удалось дублировать сценарий</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot delete a live journey</source>
        <translation>Нельзя удалить запущенный сценарий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is live: customers are going through it. Stop it before deleting it.</source>
        <translation>«{name}» запущен: по нему сейчас идут клиенты. Остановите его перед удалением.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete journey</source>
        <translation>Удалить сценарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{name}”? This cannot be undone.</source>
        <translation>Удалить «{name}»? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not delete the journey</source>
        <translation>Не удалось удалить сценарий</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted “{name}”</source>
        <translation>«{name}» удалён</translation>
    </message>
</context>
<context>
    <name>JourneyLibrary</name>
    <message>
        <location filename="../../widgets/library.py" line="+168"/>
        <source>Search journeys</source>
        <translation>Поиск сценариев</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Live</source>
        <translation>Запущен</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journeys</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a journey from a template</source>
        <translation>Создать сценарий из шаблона</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+168"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Copy the selected journey as a new draft</source>
        <translation>Скопировать выбранный сценарий как новый черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+165"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Rename the selected journey (F2)</source>
        <translation>Переименовать выбранный сценарий (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected journey (Del)</source>
        <translation>Удалить выбранный сценарий (Del)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Live, with unpublished changes</source>
        <translation>Запущен, есть неопубликованные изменения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited {when}</source>
        <translation>Изменён {when}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Rename journey</source>
        <translation>Переименовать сценарий</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New journey…</source>
        <translation>Новый сценарий…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} min ago</source>
        <translation>{n} мин назад</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} h ago</source>
        <translation>{n} ч назад</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yesterday</source>
        <translation>вчера</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days ago</source>
        <translation>{n} дн. назад</translation>
    </message>
</context>
<context>
    <name>JourneyLifecycle</name>
    <message>
        <location filename="../../app/session_pages.py" line="+465"/>
        <source>No journey open</source>
        <translation>Сценарий не открыт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a journey first.</source>
        <translation>Сначала откройте сценарий.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not change the journey</source>
        <translation>Не удалось изменить сценарий</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not publish</source>
        <translation>Не удалось опубликовать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publish “{name}”</source>
        <translation>Публикация «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} customer(s) are inside the live version. What should happen to them?</source>
        <translation>Клиентов в запущенной версии: {n}. Что с ними сделать?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} of them stand at a step the new version removes.</source>
        <translation>Из них {n} стоят на шаге, которого нет в новой версии.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let them finish on the old version</source>
        <translation>Дать им завершить старую версию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move them to the new version</source>
        <translation>Перевести их на новую версию</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Published “{name}”</source>
        <translation>«{name}» опубликован</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paused “{name}”</source>
        <translation>«{name}» приостановлен</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resumed “{name}”</source>
        <translation>«{name}» возобновлён</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Archive “{name}”</source>
        <translation>Архивировать «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archiving stops the journey for good: customers inside leave it and waiting messages are not sent. Archive it?</source>
        <translation>Архивирование окончательно останавливает сценарий: клиенты выходят из него, а ожидающие сообщения не отправляются. Архивировать?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archived “{name}”</source>
        <translation>«{name}» перемещён в архив</translation>
    </message>
</context>
<context>
    <name>JourneyReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="+93"/>
        <source>All of its history</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 90 days</source>
        <translation>Последние 90 дней</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last 365 days</source>
        <translation>Последние 365 дней</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened (the shop&apos;s figures)</source>
        <translation>Что произошло (данные магазина)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the simulation said (last population run)</source>
        <translation>Что предсказала симуляция (последний прогон)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Messages sent in:</source>
        <translation>Сообщения, отправленные за:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badges on the canvas:</source>
        <translation>Значки на холсте:</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+21"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variant</source>
        <translation>Вариант</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions</source>
        <translation>Конверсии</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per recipient</source>
        <translation>На получателя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unsubscribes</source>
        <translation>Отписки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Holdout</source>
        <translation>Контрольная группа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A/B tests</source>
        <translation>A/B-тесты</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Open a journey of the shop to see what it earned.</source>
        <translation>Откройте путь магазина, чтобы увидеть, что он принёс.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No figures: {reason}</source>
        <translation>Нет данных: {reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 days</source>
        <translation>5 дней</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{revenue} {currency} from {conversions} orders credited to this journey&apos;s messages; an order counts for the last message received at most {window} before it.</source>
        <translation>{revenue} {currency} от {conversions} заказов, засчитанных сообщениям этого пути; заказ засчитывается последнему сообщению, полученному не более чем за {window} до него.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>This journey keeps nobody out. Set a holdout in its settings to measure what it earns against customers who did not get it.</source>
        <translation>Этот путь никого не исключает. Задайте контрольную группу в его настройках, чтобы измерить, что он приносит по сравнению с клиентами, которые его не получили.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held out: {held} customers, {held_rate} ordered, {held_rpc} {currency} per customer. In the journey: {rest} customers, {rest_rate} ordered, {rest_rpc} {currency} per customer.</source>
        <translation>Исключены: {held} клиентов, заказали {held_rate}, {held_rpc} {currency} на клиента. В пути: {rest} клиентов, заказали {rest_rate}, {rest_rpc} {currency} на клиента.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{low} to {high} points</source>
        <translation>от {low} до {high} п.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too few customers or orders to tell yet.</source>
        <translation>Пока слишком мало клиентов или заказов, чтобы судить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No clear difference yet: {difference} points (95 % interval {interval}).</source>
        <translation>Пока нет явной разницы: {difference} п. (95 % интервал {interval}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journey raises conversion by {difference} points (95 % interval {interval}).</source>
        <translation>Путь повышает конверсию на {difference} п. (95 % интервал {interval}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journey lowers conversion by {difference} points (95 % interval {interval}).</source>
        <translation>Путь снижает конверсию на {difference} п. (95 % интервал {interval}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{message}, winner chosen on {metric}</source>
        <translation>{message}, победитель по показателю «{metric}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders</source>
        <translation>заказы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clicks</source>
        <translation>клики</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name}: {recipients} recipients, {converted} converted, {best} probability to be best</source>
        <translation>{name}: {recipients} получателей, {converted} конверсий, {best} вероятность быть лучшим</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick as winner…</source>
        <translation>Выбрать победителем…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick the winner</source>
        <translation>Выбор победителя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send variant {variant} to every customer from now on? This makes a new version of the journey.</source>
        <translation>Отправлять вариант {variant} всем клиентам с этого момента? Будет создана новая версия пути.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The winner was not picked: {reason}</source>
        <translation>Победитель не выбран: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{revenue} {currency} · {conversions}/{recipients} conv.</source>
        <translation>{revenue} {currency} · {conversions}/{recipients} конв.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} unsub.</source>
        <translation>{n} отп.</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Reading the figures…</source>
        <translation>Читаем цифры…</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>What the simulation said and what happened</source>
        <translation>Что предсказала симуляция и что произошло</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recipients, simulated</source>
        <translation>Получатели, симуляция</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipients, real</source>
        <translation>Получатели, факт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversions, simulated</source>
        <translation>Конверсии, симуляция</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conversions, real</source>
        <translation>Конверсии, факт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue, simulated</source>
        <translation>Выручка, симуляция</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue, real</source>
        <translation>Выручка, факт</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>A backtest on the shop&apos;s past</source>
        <translation>Бэктест на прошлых данных магазина</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A simulation</source>
        <translation>Симуляция</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} ({span}) said {revenue} {currency} from {conversions} orders; the shop&apos;s figures ({period}): {real_revenue} {currency} from {real_conversions} orders.</source>
        <translation>{what} ({span}): {revenue} {currency} с {conversions} заказов; цифры магазина ({period}): {real_revenue} {currency} с {real_conversions} заказов.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not read yet</source>
        <translation>ещё не прочитаны</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>until {end}</source>
        <translation>по {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start} to {end}</source>
        <translation>с {start} по {end}</translation>
    </message>
</context>
<context>
    <name>JourneyScene</name>
    <message>
        <location filename="../../widgets/canvas/scene.py" line="+241"/>
        <source>warning: {message}</source>
        <translation>предупреждение: {message}</translation>
    </message>
</context>
<context>
    <name>JourneyTestsPanel</name>
    <message>
        <location filename="../../widgets/simulator/tests_panel.py" line="+57"/>
        <source>Save current run as a test…</source>
        <translation>Сохранить как тест…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer, start and end of the simulation, with the path it took, become a test that must keep passing</source>
        <translation>Клиент, начало и конец симуляции вместе с пройденным путём становятся тестом, который должен и дальше проходить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run all tests</source>
        <translation>Запустить все</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay every test customer through the journey as it is now (Ctrl+T)</source>
        <translation>Прогнать каждого тестового клиента через сценарий в текущем виде (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-run after every edit</source>
        <translation>Перезапуск после правок</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open in simulator</source>
        <translation>Открыть в симуляторе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load this test&apos;s customer and start into the simulator to step through it</source>
        <translation>Загрузить клиента и начало этого теста в симулятор, чтобы пройти его по шагам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Got</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>No tests yet. Simulate a customer, then save the run as a test.</source>
        <translation>Тестов пока нет. Просимулируйте клиента, а затем сохраните прогон как тест.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} test(s), not run yet</source>
        <translation>Тестов: {n}, ещё не запускались</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{passed} passed · {failed} failed</source>
        <translation>пройдено: {passed} · не пройдено: {failed}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not run yet.</source>
        <translation>Ещё не запускался.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passes: the customer takes the expected path.</source>
        <translation>Пройден: клиент идёт ожидаемым путём.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>at {utc}</source>
        <translation>в {utc}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rename test</source>
        <translation>Переименовать тест</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <location filename="../../widgets/canvas/view.py" line="+297"/>
        <source>Cut {count} node(s)</source>
        <translation>Вырезать шаги ({count})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-layout</source>
        <translation>Автораскладка</translation>
    </message>
</context>
<context>
    <name>JsonRow</name>
    <message>
        <location filename="../../widgets/inspector/rule_rows.py" line="+366"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not valid JSON</source>
        <translation>недопустимый JSON</translation>
    </message>
</context>
<context>
    <name>LeafRow</name>
    <message>
        <location line="-268"/>
        <source>Negate this condition</source>
        <translation>Инвертировать это условие</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In segment</source>
        <translation>В сегменте</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this condition</source>
        <translation>Удалить это условие</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>of type</source>
        <translation>типа</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in the last</source>
        <translation>за последние</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>since entering the journey</source>
        <translation>с момента входа в сценарий</translation>
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
        <translation>Разделяйте значения запятыми</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="+139"/>
        <source>unknown (not installed)</source>
        <translation>неизвестна (не установлено)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>&amp;New…</source>
        <translation>&amp;Создать…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a journey from a template</source>
        <translation>Начать сценарий с шаблона</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find a journey in the library</source>
        <translation>Найти сценарий в библиотеке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the draft now (it is also saved automatically)</source>
        <translation>Сохранить черновик сейчас (он также сохраняется автоматически)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import JSON…</source>
        <translation>&amp;Импорт JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export JSON…</source>
        <translation>&amp;Экспорт JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Journey Builder</source>
        <translation>Закрыть Journey Builder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Вырезать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>Вст&amp;авить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Дублировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>Выделить &amp;всё</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>По размеру &amp;окна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Auto-layout</source>
        <translation>&amp;Автораскладка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Light</source>
        <translation>&amp;Светлая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Тёмная</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;About Journey Builder</source>
        <translation>&amp;О программе Journey Builder</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No journey open — pick one in the library, or create one with File ▸ New</source>
        <translation>Сценарий не открыт — выберите его в библиотеке или создайте через Файл ▸ Создать</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Journeys</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not open the journey</source>
        <translation>Не удалось открыть сценарий</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All changes saved</source>
        <translation>Все изменения сохранены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened “{name}”</source>
        <translation>Открыт «{name}»</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The changes to “{name}” could not be saved. Close it anyway and lose them?</source>
        <translation>Не удалось сохранить изменения в «{name}». Всё равно закрыть и потерять их?</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved “{name}”</source>
        <translation>«{name}» сохранён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not save the journey</source>
        <translation>Не удалось сохранить сценарий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{message}

Your changes are kept in the window and saved as soon as the problem is solved.</source>
        <translation>{message}

Ваши изменения остаются в окне и будут сохранены, как только проблема будет решена.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Journey Builder</source>
        <translation>Journey Builder</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Theme changed</source>
        <translation>Тема изменена</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language changes at the next start</source>
        <translation>Язык сменится при следующем запуске</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;Journey Builder {version}&lt;/h3&gt;&lt;p&gt;Customer journeys for small online shops: draw, simulate and send, on your own machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Journey Builder {version}&lt;/h3&gt;&lt;p&gt;Сценарии для небольших интернет-магазинов: рисуйте, симулируйте и отправляйте — на своём компьютере.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About Journey Builder</source>
        <translation>О программе Journey Builder</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="+110"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="-252"/>
        <source>Check the columns</source>
        <translation>Проверьте столбцы</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example values</source>
        <translation>Примеры значений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read as</source>
        <translation>Читать как</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Profile files: {n} customers with their orders and events, imported as they are.</source>
        <translation>Файлы профилей: клиентов — {n}, с их заказами и событиями, импортируются как есть.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a plain table</source>
        <translation>простая таблица</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Custom property “{name}”</source>
        <translation>Собственное свойство «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Recognised: {system} (text encoding {encoding}, decimal mark “{decimal}”). Change what a column means where it is wrong; unknown columns become custom properties.</source>
        <translation>Распознано: {system} (кодировка {encoding}, десятичный разделитель «{decimal}»). Исправьте значение столбца, где оно неверно; неизвестные столбцы становятся собственными свойствами.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns we do not know: {columns}.</source>
        <translation>Неизвестные столбцы: {columns}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused, as passwords and keys are never imported: {columns}.</source>
        <translation>Отклонено, так как пароли и ключи никогда не импортируются: {columns}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refused: passwords or keys</source>
        <translation>Отклонено: пароли или ключи</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Decimal mark in amounts</source>
        <translation>Десятичный разделитель в суммах</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Comma: 1.234,50</source>
        <translation>Запятая: 1.234,50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point: 1,234.50</source>
        <translation>Точка: 1,234.50</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message>
        <location filename="../../widgets/inspector/message_editor.py" line="+351"/>
        <source>Preview for {name}</source>
        <translation>Предпросмотр для {name}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>From: {name} &lt;{email}&gt;</source>
        <translation>От: {name} &lt;{email}&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject: {subject}</source>
        <translation>Тема: {subject}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{app} · {when}</source>
        <translation>{app} · {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../../widgets/inspector/inspector.py" line="-350"/>
        <source>Trigger</source>
        <translation>Триггер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Условие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{type} · id {id}</source>
        <translation>{type} · ID {id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Label</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{label} (optional)</source>
        <translation>{label} (необязательно)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Live preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a test to me…</source>
        <translation>Отправить тест себе…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends this message, as the preview shows it, to your own address, marked as a test</source>
        <translation>Отправляет это сообщение в том виде, как в предпросмотре, на ваш собственный адрес с пометкой «тест»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open a shop to send tests</source>
        <translation>Откройте магазин, чтобы отправлять тесты</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Email designer — {node}</source>
        <translation>Конструктор писем — {node}</translation>
    </message>
</context>
<context>
    <name>PairInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="+35"/>
        <source>and</source>
        <translation>и</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../widgets/palette.py" line="+25"/>
        <source>Triggers</source>
        <translation>Триггеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delays</source>
        <translation>Задержки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditions</source>
        <translation>Условия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Search steps…</source>
        <translation>Поиск шагов…</translation>
    </message>
</context>
<context>
    <name>PopulationPanel</name>
    <message>
        <location filename="../../widgets/population_panel.py" line="+165"/>
        <source>The shop&apos;s customers</source>
        <translation>Клиенты магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated demo customers</source>
        <translation>Сгенерированные демо-клиенты</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forward from now</source>
        <translation>Вперёд от текущего момента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest on the past</source>
        <translation>Бэктест на прошлых данных</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+451"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location line="-446"/>
        <source>Customers:</source>
        <translation>Клиенты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most:</source>
        <translation>Не более:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run:</source>
        <translation>Прогон:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed:</source>
        <translation>Зерно:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No messages yet: run the population.</source>
        <translation>Сообщений пока нет: запустите прогон.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody entered yet.</source>
        <translation>Пока никто не вошёл.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>{n} sent</source>
        <translation>{n} отправлено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} failed</source>
        <translation>{n} с ошибкой</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} ▸ {outcomes}</source>
        <translation>{n} ▸ {outcomes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped: {reason}</source>
        <translation>пропущено: {reason}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Entered</source>
        <translation>Вошли</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passes</source>
        <translation>Проходы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why skipped</source>
        <translation>Почему пропущено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Ожидают</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conv.</source>
        <translation>Конв.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers who reached the step at least once</source>
        <translation>Клиенты, дошедшие до шага хотя бы раз</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times a path went through the step: a customer who enters twice counts twice</source>
        <translation>Сколько раз путь прошёл через шаг: клиент, вошедший дважды, считается дважды</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer / message</source>
        <translation>Клиент / сообщение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by id, name or e-mail</source>
        <translation>Фильтр по ID, имени или email</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Messages per day</source>
        <translation>Сообщений в день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who got what</source>
        <translation>Кто что получил</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV:</source>
        <translation>Экспорт CSV:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per node…</source>
        <translation>По шагам…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per day…</source>
        <translation>По дням…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer…</source>
        <translation>По клиентам…</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Fix the journey&apos;s problems first: {reason}</source>
        <translation>Сначала исправьте проблемы сценария: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preparing {n} customers…</source>
        <translation>Подготовка клиентов: {n}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The cards count passes through each step: {entries} entries by {customers} customers.</source>
        <translation>На карточках — проходы через каждый шаг: {entries} входов от {customers} клиентов.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{entered} of {customers} customers entered · {messages} messages ({sent}) · {conv} converted ({rate})</source>
        <translation>Вошли {entered} из {customers} клиентов · сообщений: {messages} ({sent}) · конверсий: {conv} ({rate})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run the population first: the list shows who would get which message.</source>
        <translation>Сначала запустите моделирование: список покажет, кто какое сообщение получил бы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This run did not keep who got which message.</source>
        <translation>Этот запуск не сохранил, кто какое сообщение получил.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody would get a message in this run, so there is nobody to list.</source>
        <translation>В этом запуске никто не получил бы сообщений, поэтому список пуст.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} entered</source>
        <translation>вошли: {n}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n} ▸ {ports}</source>
        <translation>{n} ▸ {ports}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} conv.</source>
        <translation>конв.: {n}</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>{n} skipped</source>
        <translation>пропущено: {n}</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{n} waiting</source>
        <translation>ждут: {n}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Converted</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>1 message</source>
        <translation>1 сообщение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} messages</source>
        <translation>Сообщений: {n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter the first {n} of {total} customers (the CSV has all)</source>
        <translation>Фильтр по первым {n} из {total} клиентов (в CSV — все)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simulating {done} of {total} customers…</source>
        <translation>Симуляция: {done} из {total} клиентов…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simulating: {done} customers…</source>
        <translation>Симуляция: клиентов — {done}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled after {n} customers: the figures cover those.</source>
        <translation>Остановлено после {n} клиентов: цифры относятся к ним.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} customers, {span}, in {secs:.1f} s.</source>
        <translation>Клиентов: {n}, {span}, за {secs:.1f} с.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The run failed: {reason}</source>
        <translation>Прогон не удался: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Look back:</source>
        <translation>Назад на:</translation>
    </message>
</context>
<context>
    <name>PresetPicker</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="-111"/>
        <source>Gmail (free account)</source>
        <translation>Gmail (бесплатный аккаунт)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Google Workspace</source>
        <translation>Google Workspace (бизнес-аккаунт)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microsoft 365 / Outlook</source>
        <translation>Microsoft 365 или Outlook</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brevo SMTP relay</source>
        <translation>Brevo (SMTP-релей)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon SES (sandbox)</source>
        <translation>Amazon SES (песочница)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom server</source>
        <translation>Свой сервер</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled in from the provider&apos;s published limits: {minute} messages a minute, {day} a day. See the deliverability guide for the sources.</source>
        <translation>Заполнено по опубликованным лимитам провайдера: сообщений в минуту — {minute}, в день — {day}. Источники указаны в руководстве по доставляемости.</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <location filename="../../widgets/problems.py" line="+50"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Journey settings</source>
        <translation>Настройки сценария</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection {edge}</source>
        <translation>Связь {edge}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No journey open.</source>
        <translation>Сценарий не открыт.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems: this journey can run.</source>
        <translation>Проблем нет: сценарий может работать.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 error</source>
        <translation>1 ошибка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} errors</source>
        <translation>Ошибок: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 warning</source>
        <translation>1 предупреждение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} warnings</source>
        <translation>Предупреждений: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot run until the errors are fixed</source>
        <translation>он не запустится, пока ошибки не исправлены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it can run</source>
        <translation>он может работать</translation>
    </message>
</context>
<context>
    <name>ReportPages</name>
    <message>
        <location filename="../../app/report_pages.py" line="+34"/>
        <source>the journey is not saved in the shop yet</source>
        <translation>путь ещё не сохранён в магазине</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Variant {variant} of {node} goes to everyone: version {n} is live.</source>
        <translation>Вариант {variant} узла {node} получают все: версия {n} действует.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Variant {variant} of {node} is in the draft (version {n}).</source>
        <translation>Вариант {variant} узла {node} внесён в черновик (версия {n}).</translation>
    </message>
</context>
<context>
    <name>RichEdit</name>
    <message>
        <location filename="../../widgets/email_designer/rich_edit.py" line="+87"/>
        <source>Bold</source>
        <translation>Жирный</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Italic</source>
        <translation>Курсив</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+183"/>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Link the selected words to an address</source>
        <translation>Сделать выделенные слова ссылкой</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert variable</source>
        <translation>Вставить переменную</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Address (https://…), empty to unlink:</source>
        <translation>Адрес (https://…), пусто — убрать ссылку:</translation>
    </message>
</context>
<context>
    <name>RuleBranchesEditor</name>
    <message>
        <location filename="../../widgets/inspector/branches.py" line="+152"/>
        <source>{n}. Branch</source>
        <translation>Ветка {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this branch</source>
        <translation>Удалить эту ветку</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>taken when:</source>
        <translation>выбирается, если:</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../widgets/import_wizard.py" line="+113"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing {file}…</source>
        <translation>Импорт {file}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing was imported: {error}</source>
        <translation>Ничего не импортировано: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Отменено. Ничего не импортировано.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: fix these rows in the file and import it again (all or nothing, so your data is as it was).</source>
        <translation>Ничего не импортировано: исправьте эти строки в файле и импортируйте его снова (всё или ничего, ваши данные не изменились).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> {n} more problems are not listed.</source>
        <translation> Ещё проблем не показано: {n}.</translation>
    </message>
</context>
<context>
    <name>ScalarInput</name>
    <message>
        <location filename="../../widgets/inspector/rule_values.py" line="-113"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value (text, number, true/false)</source>
        <translation>значение (текст, число, true/false)</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="+132"/>
        <source>segment name</source>
        <translation>название сегмента</translation>
    </message>
</context>
<context>
    <name>SegmentsEditor</name>
    <message>
        <location filename="../../app/shop_pages.py" line="+7"/>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <location filename="../../widgets/segments_editor.py" line="+98"/>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+160"/>
        <source>Revert</source>
        <translation>Откатить</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Customers in this segment:</source>
        <translation>Клиентов в сегменте:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some of them:</source>
        <translation>Некоторые из них:</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Unsaved segment</source>
        <translation>Несохранённый сегмент</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save the changes to “{name}”?</source>
        <translation>Сохранить изменения в «{name}»?</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The new segment “{name}” is not saved yet. Save it?</source>
        <translation>Новый сегмент «{name}» ещё не сохранён. Сохранить?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{name} (not saved)</source>
        <translation>{name} (не сохранён)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new segment: Save keeps it</source>
        <translation>Новый сегмент: «Сохранить» оставит его</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Built-in segments keep their name: journeys refer to it</source>
        <translation>Встроенные сегменты сохраняют название: на него ссылаются сценарии</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>new_segment</source>
        <translation>новый_сегмент</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete segment</source>
        <translation>Удалить сегмент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the segment “{name}”? Journeys that use it will no longer find it.</source>
        <translation>Удалить сегмент «{name}»? Сценарии, которые его используют, больше не найдут его.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot delete</source>
        <translation>Удаление невозможно</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>Cannot save the segment</source>
        <translation>Не удалось сохранить сегмент</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Give the segment a name.</source>
        <translation>Дайте сегменту название.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Fix the rule to see who is in it</source>
        <translation>Исправьте правило, чтобы увидеть, кто в сегменте</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot count: {error}</source>
        <translation>Не удалось посчитать: {error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} customers</source>
        <translation>Клиентов: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 customer</source>
        <translation>1 клиент</translation>
    </message>
</context>
<context>
    <name>SessionMonitor</name>
    <message>
        <location filename="../../widgets/session_monitor.py" line="+94"/>
        <source>Start</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email sending…</source>
        <translation>Отправка почты…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+164"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+69"/>
        <source>Journey</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason or error</source>
        <translation>Причина или ошибка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All messages</source>
        <translation>Все сообщения</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search journey, customer, reason…</source>
        <translation>Поиск по сценарию, клиенту, причине…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a message to see it as it was sent.</source>
        <translation>Выберите сообщение, чтобы увидеть его таким, каким оно было отправлено.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Mark as sent</source>
        <translation>Отметить как отправленные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send again</source>
        <translation>Отправить повторно</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uncertain: these may or may not have arrived</source>
        <translation>Неясно: эти сообщения могли дойти, а могли и нет</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole message went to the mail server, then the session stopped or the server&apos;s answer was lost. Sending it again could deliver it twice, so Journey Builder holds it (unless Email sending… says to send such mail again after a wait). Check the mailbox&apos;s sent folder, then mark each as sent or send it again.</source>
        <translation>Сообщение целиком ушло на почтовый сервер, но затем сеанс остановился или ответ сервера потерялся. Повторная отправка может доставить его дважды, поэтому Journey Builder его задерживает (если только в «Отправка почты…» не указано отправлять такие письма повторно после паузы). Проверьте папку «Отправленные» в почтовом ящике, затем отметьте каждое как отправленное или отправьте повторно.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something in these customers&apos; data or in the journey made their run fail. Everyone else goes on; these wait until the customer has new data, the journey is published again, or you retry them.</source>
        <translation>Из-за данных этих клиентов или из-за сценария их проход завершился ошибкой. Остальные продолжают; эти ждут, пока у клиента не появятся новые данные, сценарий не опубликуют заново или вы не запустите их повторно.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry all</source>
        <translation>Повторить все</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deferred</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncertain</source>
        <translation>неясно</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the customer has not agreed to this channel</source>
        <translation>клиент не давал согласия на этот канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address bounced before; nothing more is sent to it</source>
        <translation>на этот адрес письма уже не доходили; больше на него ничего не отправляется</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer no longer exists</source>
        <translation>клиента больше нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late to send (the journey&apos;s catch-up policy skips late messages)</source>
        <translation>слишком поздно для отправки (правило догоняющей отправки в сценарии пропускает опоздавшие сообщения)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up after repeated temporary failures</source>
        <translation>отправка прекращена после повторных временных сбоев</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the journey was archived</source>
        <translation>сценарий перемещён в архив</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed after review</source>
        <translation>отклонено после проверки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message&apos;s template failed for this customer</source>
        <translation>шаблон сообщения не удалось заполнить для этого клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than 20 messages from this journey in a day (safety cap)</source>
        <translation>более 20 сообщений из этого сценария за день (защитное ограничение)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time ({zone})</source>
        <translation>Время ({zone})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Times are in the shop&apos;s time zone (Shop ▸ Shop settings…)</source>
        <translation>Время указано в часовом поясе магазина (Магазин ▸ Настройки магазина…)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+37"/>
        <source>Customer id: {id}</source>
        <translation>ID клиента: {id}</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Parked: {n} customer run(s) failed and wait</source>
        <translation>На паузе после ошибки — проходов клиентов: {n}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paused</source>
        <translation>Приостановлен</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>since {time}</source>
        <translation>с {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next wake-up {time}</source>
        <translation>следующее пробуждение: {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{queued} queued · {sent} sent · {failed} failed · {uncertain} uncertain</source>
        <translation>в очереди: {queued} · отправлено: {sent} · ошибок: {failed} · неясно: {uncertain}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending: {where}</source>
        <translation>Отправка: {where}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Export the sending log</source>
        <translation>Экспорт журнала отправки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last heartbeat</source>
        <translation>Последний сигнал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs advanced</source>
        <translation>Обработано прохождений</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>session</source>
        <translation>сессия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>worker</source>
        <translation>обработчик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role}, gone</source>
        <translation>{role}, остановлен</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workers: {n} at work</source>
        <translation>Обработчики: работают {n}</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <location filename="../../app/session_pages.py" line="-284"/>
        <source>{n} message(s) were being sent when the last session stopped; review them below</source>
        <translation>Сообщений, отправлявшихся в момент остановки прошлого сеанса: {n}; проверьте их ниже</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session could not start: {reason}</source>
        <translation>Не удалось запустить сеанс: {reason}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>(next try {time})</source>
        <translation>(следующая попытка: {time})</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{n} sent</source>
        <translation>отправлено: {n}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter the SMTP server first.</source>
        <translation>Сначала укажите SMTP-сервер.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../widgets/inspector/settings_form.py" line="+67"/>
        <source>Never (once per customer)</source>
        <translation>Никогда (один раз на клиента)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the previous run has ended</source>
        <translation>После завершения предыдущего прохода</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always (even while a run is active)</source>
        <translation>Всегда (даже во время активного прохода)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and at least</source>
        <translation>и не раньше чем через</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>after it ended</source>
        <translation>после его окончания</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop a customer&apos;s run when this holds</source>
        <translation>Остановить проход клиента, когда это выполняется</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked just before each message is sent</source>
        <translation>Проверяется прямо перед отправкой каждого сообщения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No messages between</source>
        <translation>Не отправлять сообщения с</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and</source>
        <translation>и</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most</source>
        <translation>Не более</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> messages</source>
        <translation> сообщ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per</source>
        <translation>за</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Journey settings</source>
        <translation>Настройки сценария</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-entry</source>
        <translation>Повторный вход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal: leave the journey when</source>
        <translation>Цель: выйти из сценария, когда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit filter</source>
        <translation>Фильтр выхода</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet hours</source>
        <translation>Тихие часы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency cap</source>
        <translation>Ограничение частоты</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>(no description)</source>
        <translation>(без описания)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Keep</source>
        <translation>Исключать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same customers are always kept out; the journey report compares what they bought with what the others bought</source>
        <translation>Исключаются всегда одни и те же клиенты; отчёт по пути сравнивает их покупки с покупками остальных</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> % of entrants out</source>
        <translation> % вошедших</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and compare orders for</source>
        <translation>и сравнивать заказы в течение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after entry</source>
        <translation>после входа</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Holdout: measure what the journey earns</source>
        <translation>Контрольная группа: что даёт путь</translation>
    </message>
</context>
<context>
    <name>ShopController</name>
    <message>
        <location filename="../../app/controller.py" line="+125"/>
        <source>look at the shop</source>
        <translation>прочитать данные магазина</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not set up the demo shop in {path}: {reason}</source>
        <translation>Не удалось создать демо-магазин в {path}: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list the journeys</source>
        <translation>получить список сценариев</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>open the journey</source>
        <translation>открыть сценарий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no journey named “{name}”.</source>
        <translation>Сценария «{name}» нет.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>read the segments</source>
        <translation>прочитать сегменты</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>read the shop settings</source>
        <translation>прочитать настройки магазина</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>read a sample customer</source>
        <translation>прочитать клиента для примера</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>save the journey</source>
        <translation>сохранить сценарий</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>create the journey</source>
        <translation>создать сценарий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rename the journey</source>
        <translation>переименовать сценарий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} (copy)</source>
        <translation>{name} (копия)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate the journey</source>
        <translation>дублировать сценарий</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>delete the journey</source>
        <translation>удалить сценарий</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>publish the journey</source>
        <translation>опубликовать сценарий</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Untitled journey</source>
        <translation>Сценарий без названия</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{path} is not a journey this app can use: {problem}</source>
        <translation>{path} — не сценарий, который может использовать это приложение: {problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>import the journey</source>
        <translation>импортировать сценарий</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+30"/>
        <source>Could not {what} in {path}: {reason}</source>
        <translation>Не удалось {what} в {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ShopSettingsDialog</name>
    <message>
        <location filename="../../widgets/shop_settings.py" line="+62"/>
        <source>Shop settings</source>
        <translation>Настройки магазина</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Shop</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Имя отправителя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender email</source>
        <translation>Email отправителя</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+2"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source> emails</source>
        <translation> писем</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> orders</source>
        <translation> заказов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer levels</source>
        <translation>Уровни клиентов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engagement looks back</source>
        <translation>Вовлечённость оценивается за</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known after at least</source>
        <translation>Известен после не менее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Super active from an open rate of</source>
        <translation>Суперактивный при доле открытий от</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsing when the last order is older than</source>
        <translation>Уходящий, если последний заказ старше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal with at least</source>
        <translation>Лояльный, если не менее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… within</source>
        <translation>… за</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+69"/>
        <location line="+46"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Regenerate…</source>
        <translation>Создать заново…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discount codes</source>
        <translation>Промокоды</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing secret</source>
        <translation>Секрет подписи</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>https://shop.example/journeys (a tunnel or reverse proxy)</source>
        <translation>https://shop.example/journeys (туннель или обратный прокси)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> a day (0: no cap)</source>
        <translation> в день (0 — без ограничений)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source> a week (0: no cap)</source>
        <translation> в неделю (0 — без ограничений)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hold it for me to review</source>
        <translation>задержать до моей проверки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send it again after a wait</source>
        <translation>отправить повторно после паузы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> minutes</source>
        <translation> мин.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public address for unsubscribe links</source>
        <translation>Публичный адрес для ссылок на отписку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without one, links point at this computer and only work here; the session will not mail customers through your account until it is set.</source>
        <translation>Без него ссылки ведут на этот компьютер и работают только здесь; пока адрес не указан, сеанс не будет отправлять клиентам письма через вашу учётную запись.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Endpoint port on this computer</source>
        <translation>Порт для запросов на этом компьютере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API token for your shop&apos;s site</source>
        <translation>API-токен для сайта вашего магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing emails per customer, at most</source>
        <translation>Маркетинговых писем на клиента, не более</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketing SMS per customer, at most</source>
        <translation>Маркетинговых SMS на клиента, не более</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A message that may have arrived</source>
        <translation>Сообщение, которое могло дойти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… sent again after</source>
        <translation>… отправить повторно через</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New discount secret</source>
        <translation>Новый секрет промокодов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes already handed out will no longer be valid. Make a new secret?</source>
        <translation>Уже выданные коды перестанут действовать. Создать новый секрет?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The currency is a 3-letter code like EUR.</source>
        <translation>Валюта — трёхбуквенный код, например EUR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a time zone from the list (like Europe/Berlin).</source>
        <translation>Выберите часовой пояс из списка (например, Europe/Moscow).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sender email is not an email address.</source>
        <translation>Email отправителя — не адрес электронной почты.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public address is a web address like https://shop.example/journeys.</source>
        <translation>Публичный адрес — это веб-адрес, например https://shop.example/journeys.</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 days</source>
        <translation>5 дней</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An order counts for the last message received within</source>
        <translation>Заказ засчитывается последнему сообщению, полученному в пределах</translation>
    </message>
</context>
<context>
    <name>ShopTools</name>
    <message>
        <location filename="../../app/tools_wiring.py" line="+71"/>
        <source>Simulator</source>
        <translation>Симулятор</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Population run</source>
        <translation>Прогон по аудитории</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer calendar</source>
        <translation>Календарь клиента</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending session</source>
        <translation>Сеанс отправки</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Simulate</source>
        <translation>&amp;Симуляция</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the &amp;simulator</source>
        <translation>Показать &amp;симулятор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Population run…</source>
        <translation>Прогон по &amp;аудитории…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer &amp;calendar…</source>
        <translation>&amp;Календарь клиента…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;hop</source>
        <translation>&amp;Магазин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Customers…</source>
        <translation>&amp;Клиенты…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Segments…</source>
        <translation>&amp;Сегменты…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;customers…</source>
        <translation>Импорт &amp;клиентов…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import &amp;orders…</source>
        <translation>Импорт &amp;заказов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;events…</source>
        <translation>Импорт &amp;событий…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop &amp;settings…</source>
        <translation>&amp;Настройки магазина…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sess&amp;ion</source>
        <translation>С&amp;еанс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sending session…</source>
        <translation>&amp;Сеанс отправки…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email sending…</source>
        <translation>Отправка по&amp;чты…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ause</source>
        <translation>&amp;Приостановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Возобновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ar&amp;chive</source>
        <translation>&amp;Архивировать</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Journey report</source>
        <translation>Отчёт по пути</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>What the journey &amp;earned…</source>
        <translation>Что &amp;принёс путь…</translation>
    </message>
</context>
<context>
    <name>SimClock</name>
    <message>
        <location filename="../../widgets/simulator/clock.py" line="+45"/>
        <source>Drag to the right to let time pass; the customer walks the journey up to that moment. Going back needs Reset.</source>
        <translation>Тяните вправо, чтобы время шло; клиент проходит сценарий до этого момента. Назад — только через «Сбросить».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>day </source>
        <translation>день </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days after the start (day 0 is the start)</source>
        <translation>Дни после начала (день 0 — начало)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the simulation to that day, at the start&apos;s time of day</source>
        <translation>Прогнать симуляцию до этого дня, на время начала</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>From {start} to {until} ({tz})</source>
        <translation>С {start} по {until} ({tz})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day {day} · {when}</source>
        <translation>День {day} · {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{utc} (UTC) · customer&apos;s time zone: {tz}</source>
        <translation>{utc} (UTC) · часовой пояс клиента: {tz}</translation>
    </message>
</context>
<context>
    <name>SimulationPages</name>
    <message>
        <location filename="../../app/simulation_pages.py" line="+55"/>
        <source>Could not read the shop: {reason}</source>
        <translation>Не удалось прочитать данные магазина: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the journey tests: {reason}</source>
        <translation>Не удалось прочитать тесты сценария: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save the journey tests: {reason}</source>
        <translation>Не удалось сохранить тесты сценария: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not load customer {id}: {reason}</source>
        <translation>Не удалось загрузить клиента {id}: {reason}</translation>
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
        <translation>нет согласия на этот канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address for this channel</source>
        <translation>нет адреса для этого канала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the frequency cap is reached</source>
        <translation>достигнуто ограничение частоты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late (catch-up policy)</source>
        <translation>слишком поздно (правило догоняющей отправки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than 20 messages from this journey in a day (safety cap)</source>
        <translation>более 20 сообщений из этого сценария за день (защитное ограничение)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reached the goal</source>
        <translation>цель достигнута</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all paths ended</source>
        <translation>все пути завершены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer fits the journey (exit filter)</source>
        <translation>больше не подходит под сценарий (фильтр выхода)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the simulation stopped here</source>
        <translation>симуляция остановилась здесь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped: the journey loops without waiting</source>
        <translation>остановлено: сценарий зацикливается без ожидания</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Journey</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entered the journey</source>
        <translation>Вошёл в сценарий</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waits for the event, at most until {until}</source>
        <translation>Ждёт событие, но не дольше чем до {until}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until {until}</source>
        <translation>Ждёт до {until}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took the “{port}” way</source>
        <translation>Пошёл по ветке «{port}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} sent: {headline}</source>
        <translation>{channel} отправлено: {headline}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[code {code}]</source>
        <translation>[код {code}]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{channel} not sent: {reason}</source>
        <translation>{channel} не отправлено: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{channel} not sent: the template failed ({error})</source>
        <translation>{channel} не отправлено: ошибка в шаблоне ({error})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{channel} held back by quiet hours until {until}</source>
        <translation>{channel} задержано тихими часами до {until}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left the journey: {reason}</source>
        <translation>Вышел из сценария: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reached the End step: this path is over</source>
        <translation>Дошёл до шага «Конец»: этот путь завершён</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tagged “{tag}”</source>
        <translation>отмечен тегом «{tag}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{property} set to {value}</source>
        <translation>{property} = {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer updated: {change}</source>
        <translation>Клиент обновлён: {change}</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/timeline.py" line="+88"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {utc} UTC</source>
        <translation>до {utc} UTC</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/previews.py" line="+95"/>
        <location filename="../../widgets/simulator/timeline.py" line="+9"/>
        <source>The customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="-89"/>
        <source>kept out to measure what the journey earns (holdout group)</source>
        <translation>исключён, чтобы измерить, что приносит путь (контрольная группа)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>[variant {variant}]</source>
        <translation>[вариант {variant}]</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../../widgets/simulator/panel.py" line="+59"/>
        <source>orders</source>
        <translation>закажет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opens an email</source>
        <translation>откроет письмо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abandons a cart</source>
        <translation>бросит корзину</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the next thing the journey does with this customer</source>
        <translation>Выполнить следующее действие сценария с этим клиентом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next message</source>
        <translation>Следующее сообщение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until a message is sent or skipped</source>
        <translation>Идти, пока сообщение не будет отправлено или пропущено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run to end</source>
        <translation>До конца</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run until the end of the simulated period</source>
        <translation>Идти до конца симулируемого периода</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the start, with the customer as described</source>
        <translation>Вернуться к началу, с клиентом как описан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as test…</source>
        <translation>Сохранить как тест…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this customer and the path taken so far as a journey test</source>
        <translation>Сохранить этого клиента и пройденный путь как тест сценария</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+437"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="-436"/>
        <source>Run</source>
        <translation>Прогон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tests</source>
        <translation>Тесты</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+368"/>
        <source>What if, now, the customer…</source>
        <translation>Что если клиент сейчас…</translation>
    </message>
    <message>
        <location line="-362"/>
        <source>Adds a “{event}” event at the current moment and shows what follows</source>
        <translation>Добавляет событие «{event}» в текущий момент и показывает, что будет дальше</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>other event</source>
        <translation>другое</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>nothing changes right now</source>
        <translation>сейчас ничего не меняется</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What if “{event}” at {when}: {consequence}</source>
        <translation>Что если «{event}» в {when}: {consequence}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Open a journey to simulate it.</source>
        <translation>Откройте сценарий, чтобы просимулировать его.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the journey first ({n} error(s); first: {problem}).</source>
        <translation>Сначала исправьте сценарий (ошибок: {n}; первая: {problem}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journey cannot run: {reason}</source>
        <translation>Сценарий не может работать: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The customer cannot be simulated: {reason}</source>
        <translation>Клиента нельзя просимулировать: {reason}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Waiting at “{node}” until {when}</source>
        <translation>Ждёт на шаге «{node}» до {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting at “{node}” for the event, at most until {when}</source>
        <translation>Ждёт событие на шаге «{node}», но не дольше чем до {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held at “{node}” by quiet hours until {when}</source>
        <translation>Задержан тихими часами на шаге «{node}» до {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At “{node}”, about to act</source>
        <translation>На шаге «{node}», сейчас сработает</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The simulation is over ({n} step(s)).</source>
        <translation>Симуляция завершена (шагов: {n}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in the journey any more.</source>
        <translation>Уже не в сценарии.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in the journey yet.</source>
        <translation>Ещё не в сценарии.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next thing happens {when}.</source>
        <translation>Следующее событие — {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing more will happen: add an event or a what-if.</source>
        <translation>Больше ничего не произойдёт: добавьте событие или «что если».</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>until {when}</source>
        <translation>до {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here</source>
        <translation>здесь</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Another event…</source>
        <translation>Другое событие…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the journey cannot run</source>
        <translation>сценарий не может работать</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as journey test</source>
        <translation>Сохранить как тест сценария</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test name:</source>
        <translation>Название теста:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{n} message(s)</source>
        <translation>Сообщений: {n}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../widgets/start_page.py" line="+30"/>
        <source>Welcome to Journey Builder</source>
        <translation>Добро пожаловать в Journey Builder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Journey Builder sends your customers the right message at the right moment: a welcome series, a reminder about a forgotten cart, a birthday coupon. You draw each journey as steps on a canvas, try it on customers before anyone gets mail, then let the sending session deliver it.</source>
        <translation>Journey Builder отправляет вашим клиентам нужное сообщение в нужный момент: серию приветственных писем, напоминание о брошенной корзине, купон ко дню рождения. Вы рисуете каждый сценарий шагами на холсте, проверяете его на клиентах до того, как кто-то получит письмо, а затем сеанс отправки доставляет его.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>1. Open a template</source>
        <translation>1. Откройте шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from one of the ready journeys and change the texts to your shop&apos;s.</source>
        <translation>Начните с одного из готовых сценариев и измените тексты под свой магазин.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a template…</source>
        <translation>Открыть шаблон…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2. Simulate a customer</source>
        <translation>2. Смоделируйте клиента</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a customer and see, day by day, which messages they would get and why. Nothing is sent.</source>
        <translation>Выберите клиента и посмотрите день за днём, какие сообщения он получил бы и почему. Ничего не отправляется.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate a customer</source>
        <translation>Смоделировать клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Start sending to the local catcher</source>
        <translation>3. Запустите отправку в локальный перехватчик</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the sending session without a mail account: every email is kept as a file in a folder on this computer, so you can read what customers would get.</source>
        <translation>Запустите сеанс отправки без почтового ящика: каждое письмо сохраняется файлом в папке на этом компьютере, и вы можете прочитать, что получили бы клиенты.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start sending to the catcher</source>
        <translation>Отправлять в перехватчик</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The user guide explains every panel (Help ▸ User guide, F1). This page stays at Help ▸ Start page.</source>
        <translation>Руководство пользователя описывает каждую панель (Справка ▸ Руководство пользователя, F1). Эта страница всегда доступна в меню Справка ▸ Начальная страница.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the user guide</source>
        <translation>Открыть руководство</translation>
    </message>
</context>
<context>
    <name>StepPreview</name>
    <message>
        <location filename="../../widgets/simulator/previews.py" line="-48"/>
        <source>Step through the journey; the selected step shows here, and a sent message as the customer gets it.</source>
        <translation>Проходите сценарий по шагам; выбранный шаг показан здесь, а отправленное сообщение — таким, каким его получит клиент.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{utc} UTC</source>
        <translation>{utc} UTC</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no rule to explain (random split or event wait)</source>
        <translation>нечего объяснять (случайное разделение или ожидание события)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} characters · {encoding} · {segments} segment(s)</source>
        <translation>Символов: {n} · {encoding} · частей: {segments}</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Language variant: {language}</source>
        <translation>Языковой вариант: {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message&apos;s own text</source>
        <translation>собственный текст сообщения</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../widgets/inspector/message_editor.py" line="-361"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event that started the journey</source>
        <translation>Событие, запустившее сценарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name, or “there”</source>
        <translation>Имя (с запасным словом)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email address</source>
        <translation>Адрес email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>Процент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart value</source>
        <translation>Сумма корзины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart link</source>
        <translation>Ссылка на корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart products (list)</source>
        <translation>Товары в корзине (список)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entered at</source>
        <translation>Время входа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of orders</source>
        <translation>Число заказов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Всего потрачено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order value</source>
        <translation>Сумма последнего заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order date</source>
        <translation>Дата последнего заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop name</source>
        <translation>Название магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop website</source>
        <translation>Сайт магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link</source>
        <translation>Ссылка для отписки</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Insert variable</source>
        <translation>Вставить переменную</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counted on the text as the preview customer would get it, with the variables filled in</source>
        <translation>Считается по тексту, каким его получит клиент из предпросмотра, с подставленными переменными</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>{n} characters · {encoding} · {segments} segment(s)</source>
        <translation>Символов: {n} · {encoding} · частей: {segments}</translation>
    </message>
</context>
<context>
    <name>TestSend</name>
    <message>
        <location filename="../../app/test_send.py" line="+53"/>
        <source>Give an address to send the test to.</source>
        <translation>Укажите адрес для тестовой отправки.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no way to send {channel} messages.</source>
        <translation>Нет способа отправлять сообщения {channel}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[Test]</source>
        <translation>[Тест]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the webhook</source>
        <translation>вебхук</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the local outbox</source>
        <translation>локальная папка исходящих</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test was not sent: {reason}</source>
        <translation>Тест не отправлен: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test sent to {to} ({where}).</source>
        <translation>Тест отправлен на {to} ({where}).</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/simulator/timeline.py" line="-63"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
</context>
<context>
    <name>UndoNames</name>
    <message>
        <location filename="../../app/undo_wiring.py" line="+35"/>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Повторить: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
</context>
<context>
    <name>VariantsEditor</name>
    <message>
        <location filename="../../widgets/email_designer/fields.py" line="+46"/>
        <source>Add language</source>
        <translation>Добавить язык</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers get the variant of their language, else the shop&apos;s fallback language, else the message&apos;s own text.</source>
        <translation>Клиент получает вариант на своём языке, иначе на запасном языке магазина, иначе собственный текст сообщения.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The message&apos;s own text</source>
        <translation>Собственный текст сообщения</translation>
    </message>
</context>
<context>
    <name>WeekdaysEditor</name>
    <message>
        <location filename="../../widgets/inspector/editors.py" line="-120"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>every day</source>
        <translation>каждый день</translation>
    </message>
</context>
<context>
    <name>WeightBranchesEditor</name>
    <message>
        <location filename="../../widgets/inspector/branches.py" line="+38"/>
        <source>weight </source>
        <translation>вес </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove this branch</source>
        <translation>Удалить эту ветку</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <location line="-142"/>
        <source>+ Branch</source>
        <translation>+ Ветка</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>branch name</source>
        <translation>название ветки</translation>
    </message>
</context>
<context>
    <name>branches</name>
    <message>
        <location line="-81"/>
        <source>Every branch needs a name.</source>
        <translation>У каждой ветки должно быть название.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch names must differ: {names}</source>
        <translation>Названия веток должны различаться: {names}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../widgets/commands.py" line="+53"/>
        <source>Add {name}</source>
        <translation>Добавить «{name}»</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connect {source} → {target}</source>
        <translation>Связать {source} → {target}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Disconnect {source} → {target}</source>
        <translation>Разорвать связь {source} → {target}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete {count} item(s)</source>
        <translation>Удалить элементы ({count})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move {count} node(s)</source>
        <translation>Переместить шаги ({count})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>rename “{old}” to “{new}”</source>
        <translation>переименование «{old}» в «{new}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>change the kind of “{node}”</source>
        <translation>смена вида «{node}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change “{node}”</source>
        <translation>изменение «{node}»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>change {field} of “{node}”</source>
        <translation>изменение поля «{field}» в «{node}»</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Edit journey settings</source>
        <translation>Изменить настройки сценария</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename journey</source>
        <translation>Переименовать сценарий</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reconnect {source}</source>
        <translation>Пересоединить {source}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/session_pages.py" line="+22"/>
        <source>Could not save the email settings</source>
        <translation>Не удалось сохранить настройки почты</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <location filename="../../widgets/events_catalogue.py" line="+28"/>
        <source>Signed up</source>
        <translation>Зарегистрировался</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed an order</source>
        <translation>Сделал заказ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandoned a cart</source>
        <translation>Бросил корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the cart</source>
        <translation>Добавил товар в корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viewed a product</source>
        <translation>Посмотрел товар</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was sent an email</source>
        <translation>Получил письмо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened an email</source>
        <translation>Открыл письмо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clicked a link in an email</source>
        <translation>Перешёл по ссылке в письме</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribed to the newsletter</source>
        <translation>Подписался на рассылку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribed from the newsletter</source>
        <translation>Отписался от рассылки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has a payment due</source>
        <translation>Должен оплатить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Оплатил</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote a review</source>
        <translation>Написал отзыв</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile changed by hand</source>
        <translation>Профиль изменён вручную</translation>
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
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Почтовый индекс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timezone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale</source>
        <translation>Язык и регион</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdate</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up at</source>
        <translation>Дата регистрации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since signup</source>
        <translation>Дней с регистрации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to email</source>
        <translation>Согласие на email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to sms</source>
        <translation>Согласие на SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to push</source>
        <translation>Согласие на push</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of orders</source>
        <translation>Число заказов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spent</source>
        <translation>Всего потрачено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average order value</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order at</source>
        <translation>Дата последнего заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last order value</source>
        <translation>Сумма последнего заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since last order</source>
        <translation>Дней с последнего заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of events</source>
        <translation>Число событий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered the journey at</source>
        <translation>Время входа в сценарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engagement</source>
        <translation>Вовлечённость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle stage</source>
        <translation>Этап жизненного цикла</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <location filename="../../app/gui.py" line="+88"/>
        <source>Cannot open the shop database</source>
        <translation>Не удаётся открыть базу магазина</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem}

Journey Builder has not changed the file. Start it with --db PATH to use another database.</source>
        <translation>{problem}

Journey Builder не изменил файл. Запустите программу с --db ПУТЬ, чтобы использовать другую базу.</translation>
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
        <translation>Создаём демо-магазин: клиенты, заказы и десять готовых сценариев…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not set up the demo shop</source>
        <translation>Не удалось создать демо-магазин</translation>
    </message>
    <message>
        <location line="+156"/>
        <location line="+42"/>
        <source>journey-builder: no journey named “{name}”</source>
        <translation>journey-builder: нет сценария «{name}»</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>journey-builder: could not write the screenshot to {path}</source>
        <translation>journey-builder: не удалось записать снимок экрана в {path}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+4"/>
        <source>Customer ID</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name (split into first and last)</source>
        <translation>Полное имя (делится на имя и фамилию)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdate</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region / state</source>
        <translation>Регион / область</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Почтовый индекс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed up at</source>
        <translation>Дата регистрации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to email</source>
        <translation>Согласие на email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to SMS</source>
        <translation>Согласие на SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to push</source>
        <translation>Согласие на push</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order ID</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer email</source>
        <translation>Email клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed at</source>
        <translation>Дата заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item name</source>
        <translation>Название товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item SKU</source>
        <translation>Артикул товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item quantity</source>
        <translation>Количество товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item price</source>
        <translation>Цена товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event type</source>
        <translation>Тип события</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Happened at</source>
        <translation>Когда произошло</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>Статус заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled at</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart ID</source>
        <translation>ID корзины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line item image URL</source>
        <translation>URL изображения товара</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line items (a list)</source>
        <translation>Позиции заказа (список)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s first name</source>
        <translation>Имя гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s last name</source>
        <translation>Фамилия гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s full name</source>
        <translation>Полное имя гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s phone</source>
        <translation>Телефон гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s city</source>
        <translation>Город гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s region / state</source>
        <translation>Регион гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s country</source>
        <translation>Страна гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s postal code</source>
        <translation>Индекс гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s language</source>
        <translation>Язык гостя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest consents to email</source>
        <translation>Гость согласен на email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandoned at</source>
        <translation>Брошена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart value</source>
        <translation>Сумма корзины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cart link</source>
        <translation>Ссылка на корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed at (bought)</source>
        <translation>Завершена (куплено)</translation>
    </message>
</context>
<context>
    <name>locale</name>
    <message>
        <location filename="../../widgets/simulator/texts.py" line="-52"/>
        <source>en</source>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>outcomes</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="-236"/>
        <location filename="../../widgets/simulator/reasons.py" line="+50"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../widgets/simulator/reasons.py" line="+1"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next</source>
        <translation>далее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no consent</source>
        <translation>нет согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no address</source>
        <translation>нет адреса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frequency cap</source>
        <translation>лимит частоты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shop&apos;s daily cap</source>
        <translation>дневной лимит магазина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety cap</source>
        <translation>защитный лимит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too late</source>
        <translation>слишком поздно</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../widgets/deliverability_settings.py" line="+5"/>
        <source>SSL/TLS</source>
        <translation>Шифрование SSL/TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STARTTLS</source>
        <translation>Шифрование STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (unencrypted)</source>
        <translation>Нет (без шифрования)</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+9"/>
        <source>port &apos;{port}&apos; is not connected (customers taking it end here)</source>
        <translation>Выход «{port}» ни с чем не связан (клиенты, пошедшие по нему, на этом заканчивают)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable: no path leads here from the trigger</source>
        <translation>недостижим: от триггера сюда не ведёт ни один путь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the journey has no trigger (it needs exactly one)</source>
        <translation>в сценарии нет триггера (нужен ровно один)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a second trigger (the journey needs exactly one; the first is &apos;{first}&apos;)</source>
        <translation>второй триггер (в сценарии должен быть ровно один; первый — «{first}»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an edge leads into the trigger &apos;{trigger}&apos;</source>
        <translation>связь ведёт в триггер «{trigger}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a loop with no delay or wait in it would repeat forever at one instant ({path})</source>
        <translation>цикл без задержки или ожидания повторялся бы бесконечно в один и тот же момент ({path})</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <location filename="../../widgets/simulator/reasons.py" line="-25"/>
        <source>exactly {value}</source>
        <translation>ровно {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>anything but {value}</source>
        <translation>что угодно, кроме {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than {value}</source>
        <translation>больше {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least {value}</source>
        <translation>не меньше {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than {value}</source>
        <translation>меньше {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most {value}</source>
        <translation>не больше {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of {value}</source>
        <translation>одно из: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none of {value}</source>
        <translation>ничего из: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it to contain {value}</source>
        <translation>чтобы содержало {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>between {value}</source>
        <translation>от {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value</source>
        <translation>какое-нибудь значение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no value</source>
        <translation>отсутствие значения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within {value}</source>
        <translation>в пределах {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{km} km of {place}</source>
        <translation>{km} км от {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{low} and {high}</source>
        <translation>{low} до {high}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>since entering the journey</source>
        <translation>с момента входа в сценарий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the last {window}</source>
        <translation>за последние {window}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>met</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not met</source>
        <translation>не выполнено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who} is in the segment “{segment}”</source>
        <translation>{who} входит в сегмент «{segment}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{who} is not in the segment “{segment}”</source>
        <translation>{who} не входит в сегмент «{segment}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who}: {field}{scope} is {actual}; the rule needs {needs} — {verdict}</source>
        <translation>{who}: {field}{scope} = {actual}; правило требует {needs} — {verdict}</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+57"/>
        <source>When an event happens</source>
        <translation>При событии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the journey when the customer does something (signs up, abandons a cart…).</source>
        <translation>Запускает сценарий, когда клиент что-то делает (регистрируется, бросает корзину…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if</source>
        <translation>Только если</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a customer stops buying</source>
        <translation>Когда клиент перестаёт покупать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts when the customer&apos;s last order becomes this old.</source>
        <translation>Запускается, когда последнему заказу клиента исполняется столько времени.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Через</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a date</source>
        <translation>В определённую дату</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts on a date of the customer&apos;s (birthday, signup anniversary), before or after it.</source>
        <translation>Запускается в дату клиента (день рождения, годовщина регистрации), до или после неё.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset</source>
        <translation>Смещение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a customer joins a segment</source>
        <translation>Когда клиент попадает в сегмент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts when the customer enters a segment.</source>
        <translation>Запускается, когда клиент попадает в сегмент.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits a fixed time. Days, weeks and months follow the customer&apos;s calendar.</source>
        <translation>Ждёт заданное время. Дни, недели и месяцы считаются по календарю клиента.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for</source>
        <translation>Ждать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until a date</source>
        <translation>Ждать до даты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until a date of the customer&apos;s (with an offset); goes on at once if it has passed.</source>
        <translation>Ждёт до даты клиента (со смещением); если она прошла, идёт дальше сразу.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for a time of day</source>
        <translation>Ждать времени суток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits until the next such local time (now included), on the chosen weekdays.</source>
        <translation>Ждёт ближайшего такого местного времени (включая текущий момент) в выбранные дни недели.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>В</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>По дням</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If / else</source>
        <translation>Если / иначе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes on by &apos;yes&apos; when the rule holds, by &apos;no&apos; otherwise.</source>
        <translation>Идёт по ветке «да», если правило выполняется, иначе — по «нет».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by rules</source>
        <translation>Разделить по правилам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first branch whose rule holds is taken; the &apos;else&apos; branch otherwise.</source>
        <translation>Выбирается первая ветка, чьё правило выполняется; иначе — ветка «иначе».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branches</source>
        <translation>Ветки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Otherwise</source>
        <translation>Иначе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random split</source>
        <translation>Случайное разделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends each customer down one branch at random, by weight (an A/B test).</source>
        <translation>Отправляет каждого клиента в случайную ветку с учётом веса (A/B-тест).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for an event</source>
        <translation>Ждать событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;yes&apos; as soon as the event happens, &apos;no&apos; when the time runs out first.</source>
        <translation>«да», как только произойдёт событие, «нет», если время выйдет раньше.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Не более</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends an email.</source>
        <translation>Отправляет письмо.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code unique to the customer and this message</source>
        <translation>Код, уникальный для клиента и этого сообщения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a text message.</source>
        <translation>Отправляет SMS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push notification</source>
        <translation>Push-уведомление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a push notification to the shop&apos;s app.</source>
        <translation>Отправляет push-уведомление в приложение магазина.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends the customer&apos;s journey on this path (as a way that leads nowhere does, but said).</source>
        <translation>Завершает сценарий клиента на этом пути (как выход, который никуда не ведёт, но явно).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update customer</source>
        <translation>Обновить клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a tag to the customer or sets one of their properties; later steps see it.</source>
        <translation>Добавляет клиенту тег или задаёт одно из его свойств; следующие шаги это видят.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add tag</source>
        <translation>Добавить тег</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set property</source>
        <translation>Задать свойство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body is</source>
        <translation>Формат текста</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind of message</source>
        <translation>Тип сообщения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactional messages go without marketing consent and caps, never to a bounced address</source>
        <translation>Транзакционные сообщения отправляются без маркетингового согласия и ограничений, но никогда — на адрес, куда письма уже не доходили</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text is mailed as written, with an HTML part made from it; HTML as written; blocks are designed in the email designer</source>
        <translation>Текст отправляется как написан, с HTML-частью из него; HTML — как написан; блоки оформляются в конструкторе писем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Design</source>
        <translation>Оформление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message in other languages; the customer&apos;s language picks one</source>
        <translation>Сообщение на других языках; язык клиента выбирает вариант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A/B test</source>
        <translation>A/B-тест</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants of this message, split between customers; the best one can be picked later</source>
        <translation>Варианты этого сообщения, распределённые между клиентами; лучший можно выбрать позже</translation>
    </message>
</context>
<context>
    <name>rule_rows</name>
    <message>
        <location filename="../../widgets/inspector/rule_rows.py" line="-95"/>
        <source>is on</source>
        <translation>приходится на</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is</source>
        <translation>равно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not</source>
        <translation>не равно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is after</source>
        <translation>после</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is more than</source>
        <translation>больше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is on or after</source>
        <translation>в день или после</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is at least</source>
        <translation>не меньше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is before</source>
        <translation>до</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is less than</source>
        <translation>меньше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is on or before</source>
        <translation>в день или до</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is at most</source>
        <translation>не больше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is one of</source>
        <translation>одно из</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is none of</source>
        <translation>ни одно из</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>содержит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is between</source>
        <translation>между</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is known</source>
        <translation>известно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is within</source>
        <translation>в радиусе</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <location filename="../../widgets/data_texts.py" line="+92"/>
        <source>demographic</source>
        <translation>демографические</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>behavioural</source>
        <translation>поведенческие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>engagement</source>
        <translation>вовлечённость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lifecycle</source>
        <translation>жизненный цикл</translation>
    </message>
</context>
<context>
    <name>summaries</name>
    <message>
        <location filename="../../widgets/summaries.py" line="+24"/>
        <source>in</source>
        <translation>в</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in</source>
        <translation>не в</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>содержит</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>between</source>
        <translation>между</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exists</source>
        <translation>есть</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>is missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>within</source>
        <translation>в радиусе</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} year</source>
        <translation>{n} год</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} years</source>
        <translation>{n} г.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} month</source>
        <translation>{n} месяц</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} months</source>
        <translation>{n} мес.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} week</source>
        <translation>{n} неделя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} weeks</source>
        <translation>{n} нед.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} day</source>
        <translation>{n} день</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} hour</source>
        <translation>{n} час</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} hours</source>
        <translation>{n} ч</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} minute</source>
        <translation>{n} минута</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} minutes</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} second</source>
        <translation>{n} секунда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} seconds</source>
        <translation>{n} с</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no time</source>
        <translation>без задержки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>events</source>
        <translation>события</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{km} km of {place}</source>
        <translation>{km} км от {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{km} km</source>
        <translation>{km} км</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>always</source>
        <translation>всегда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> and </source>
        <translation> и </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not ({rule})</source>
        <translation>не ({rule})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in segment {segment}</source>
        <translation>в сегменте {segment}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{event} events</source>
        <translation>события {event}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} in last {window}</source>
        <translation>{field} за последние {window}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} since entry</source>
        <translation>{field} с момента входа</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Next {at} ({days})</source>
        <translation>Ближайшее {at} ({days})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next {at}</source>
        <translation>Ближайшее {at}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random: {parts}</source>
        <translation>Случайно: {parts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMS: {text}</source>
        <translation>SMS: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journey ends here</source>
        <translation>Здесь сценарий заканчивается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag “{tag}”</source>
        <translation>Тег «{tag}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set {property} to {value}</source>
        <translation>{property} = {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the customer</source>
        <translation>Обновить клиента</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>When {event}</source>
        <translation>Когда {event}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, if {rule}</source>
        <translation>, если {rule}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{after} after the last order</source>
        <translation>через {after} после последнего заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On {field}</source>
        <translation>В дату {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{offset} before {field}</source>
        <translation>за {offset} до {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{offset} after {field}</source>
        <translation>через {offset} после {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins segment {segment}</source>
        <translation>Попадает в сегмент {segment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait {duration}</source>
        <translation>Ждать {duration}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until {when}</source>
        <translation>До {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split: {ports}</source>
        <translation>Разделение: {ports}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for {event} (at most {timeout})</source>
        <translation>Ждать {event} (не дольше {timeout})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email: {subject}</source>
        <translation>Email: {subject}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push: {title}</source>
        <translation>Push: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no title)</source>
        <translation>(без заголовка)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/screenshots.py" line="-3"/>
        <source>About Journey Builder</source>
        <translation>О программе Journey Builder</translation>
    </message>
</context>
</TS>
