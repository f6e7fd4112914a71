-- WA-11, AUT-2: the WhatsApp services an administrator connected (Wazzup, I2CRM, «Default» — the Cloud API),
-- side by side; one account per service. The credentials are one AES-GCM sealed JSON (voronka.secrets.key):
-- the database never holds a token in clear. The service chosen by VORONKA_WHATSAPP_PROVIDER is not stored
-- here: it stays connected by the environment, and a row of the same service takes its place.
create table whatsapp_service (
  provider      varchar(16)   not null primary key,
  base_url      varchar(300),
  credentials   varchar(4000) not null,
  connected_at  timestamp with time zone not null,
  connected_by  varchar(64),
  checked_at    timestamp with time zone,
  check_ok      boolean,
  check_result  varchar(500)
);
