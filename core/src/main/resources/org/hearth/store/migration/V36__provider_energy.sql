-- Energy the compute provider used per local day (power × time while running jobs), for the
-- electricity estimate. Microjoules and milliseconds are integers: the estimate is exact arithmetic.
CREATE TABLE provider_energy (
    day          TEXT    NOT NULL PRIMARY KEY, -- ISO date, local time
    micro_joules INTEGER NOT NULL,
    running_ms   INTEGER NOT NULL
);
