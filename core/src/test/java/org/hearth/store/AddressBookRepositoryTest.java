package org.hearth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressBookRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void savesRelabelsListsAndDeletes() {
        AddressBookRepository book = new AddressBookRepository(Database.open(dir.resolve("h.db")));
        book.save("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "bob", "");
        book.save("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "Alice", "dev account");
        book.save("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Bob (work)", null);

        List<AddressBookRepository.Entry> all = new AddressBookRepository(Database.open(dir.resolve("h.db"))).all();
        assertEquals(List.of("Alice", "Bob (work)"), all.stream().map(AddressBookRepository.Entry::label).toList());
        assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", all.get(1).address(), "shown checksummed");
        assertTrue(book.delete("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        assertFalse(book.find("0x70997970c51812dc3a010c7d01b50e0d17dc79c8").isPresent());
    }

    @Test
    void refusesBadChecksumsAndEmptyLabels() {
        AddressBookRepository book = new AddressBookRepository(Database.open(dir.resolve("h.db")));
        assertThrows(IllegalArgumentException.class, () -> book.save("0x70997970C51812dc3A010C7d01b50e0d17dc79c8", "x", ""));
        assertThrows(IllegalArgumentException.class, () -> book.save("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "  ", ""));
        assertTrue(book.all().isEmpty());
    }
}
