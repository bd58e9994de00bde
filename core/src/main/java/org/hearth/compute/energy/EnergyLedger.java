package org.hearth.compute.energy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/** Energy the provider used, per local day (V36): what the electricity estimate is computed from. */
public final class EnergyLedger {

    /** One day's use: microjoules and milliseconds of work. */
    public record Day(LocalDate day, long microJoules, long runningMillis) {
    }

    private final Database db;

    public EnergyLedger(Database db) {
        this.db = db;
    }

    public void add(LocalDate day, long microJoules, long runningMillis) {
        if (microJoules < 0 || runningMillis < 0) {
            throw new IllegalArgumentException("Energy and time cannot be negative");
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provider_energy(day, micro_joules, running_ms) VALUES(?, ?, ?)
                ON CONFLICT(day) DO UPDATE SET micro_joules = micro_joules + excluded.micro_joules,
                                               running_ms = running_ms + excluded.running_ms""")) {
            ps.setString(1, day.toString());
            ps.setLong(2, microJoules);
            ps.setLong(3, runningMillis);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record the provider's energy use: " + e.getMessage(), e);
        }
    }

    /** Days from {@code from} on, oldest first; days without work are absent. */
    public List<Day> since(LocalDate from) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT day, micro_joules, running_ms FROM provider_energy WHERE day >= ? ORDER BY day")) {
            ps.setString(1, from.toString());
            List<Day> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new Day(LocalDate.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3)));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the provider's energy use: " + e.getMessage(), e);
        }
    }

    public long totalMicroJoules() {
        return since(LocalDate.MIN.plusYears(1)).stream().mapToLong(Day::microJoules).sum();
    }
}
