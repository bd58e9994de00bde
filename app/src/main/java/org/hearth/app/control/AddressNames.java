package org.hearth.app.control;

import java.util.Optional;
import org.hearth.store.AddressBookRepository;

/** Where an {@link AddressLabel} finds the name a user gave an address. */
@FunctionalInterface
public interface AddressNames {

    AddressNames NONE = address -> Optional.empty();

    Optional<String> nameOf(String address);

    /** Names from the address book (a local SQLite read). */
    static AddressNames of(AddressBookRepository book) {
        return address -> book.find(address).map(AddressBookRepository.Entry::label);
    }
}
