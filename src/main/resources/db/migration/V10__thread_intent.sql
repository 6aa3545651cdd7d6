-- The intent of a thread's first ticketed message (the routing intent): the KPIs group by it.
ALTER TABLE social_thread ADD COLUMN intent VARCHAR(32);
