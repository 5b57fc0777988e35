-- The unconfirmed-COD KPI counts orders still 'unconfirmed' that a first call in the period was
-- about (core/analytics/cartrecoveries.cpp). It starts from those orders — few, however many
-- calls there are — and looks each one's first call up by call_records_order, instead of reading
-- every first COD call of the period (a fifth of all calls) to join it with its order.
CREATE INDEX orders_cod_unconfirmed ON orders(id) WHERE cod_confirmation = 'unconfirmed';
