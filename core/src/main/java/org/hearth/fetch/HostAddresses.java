package org.hearth.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.problem.HearthException;

/**
 * Turns a URL's host into the addresses a fetch may connect to, refusing loopback, private,
 * link-local, multicast, unspecified and other non-public addresses in any spelling: names are
 * resolved first and every resolved address is checked; IPv4 literals are read the way C's
 * {@code inet_aton} reads them (decimal {@code 2130706433}, octal {@code 0177.1}, hex {@code 0x7f.1}),
 * so a spelling the OS would accept cannot slip past as a "name".
 */
final class HostAddresses {

    /** Resolves a name; a seam so tests can play a rebinding DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = InetAddress::getAllByName;

    private HostAddresses() {
    }

    /** The checked addresses of {@code host}; throws {@code fetch.blocked} if any of them is not public. */
    static List<InetAddress> checked(String host, Resolver resolver) {
        List<InetAddress> all = resolve(host, resolver);
        for (InetAddress a : all) {
            Optional<String> why = notPublic(a);
            if (why.isPresent()) {
                throw new HearthException("fetch.blocked", null, host, a.getHostAddress(), why.get());
            }
        }
        return all;
    }

    /** The addresses of {@code host}, unchecked (gateways are trusted by configuration). */
    static List<InetAddress> resolve(String host, Resolver resolver) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // "localhost." is still localhost
        }
        if (h.isEmpty()) {
            throw new HearthException("fetch.badUrl", null, host);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return List.of(InetAddress.getLoopbackAddress()); // never asked of DNS, which might say otherwise
        }
        Optional<InetAddress> v4 = ipv4Literal(h);
        if (v4.isPresent()) {
            return List.of(v4.get());
        }
        try {
            if (h.contains(":")) {
                return List.of(InetAddress.getByName(h)); // an IPv6 literal: no DNS lookup
            }
            InetAddress[] found = resolver.resolve(h);
            if (found == null || found.length == 0) {
                throw new UnknownHostException(h);
            }
            return List.of(found);
        } catch (UnknownHostException e) {
            throw new HearthException("fetch.unknownHost", e, host);
        }
    }

    /** Why {@code a} may not be fetched from, or empty when it is a public address. */
    static Optional<String> notPublic(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            if (o0 == 0 || o0 >= 240) {
                return Optional.of("reserved");
            }
            if (o0 == 100 && (o1 & 0xc0) == 64) {
                return Optional.of("private"); // carrier-grade NAT 100.64/10
            }
            if (o0 == 198 && (o1 & 0xfe) == 18) {
                return Optional.of("private"); // benchmarking 198.18/15
            }
            return Optional.empty();
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private"); // unique local fc00::/7
            }
            Optional<InetAddress> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return notPublic(embedded.get()).or(() -> Optional.of("embedded IPv4"));
            }
        }
        return Optional.empty();
    }

    /** IPv4 carried inside IPv6 (compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16): refused like the IPv4 itself. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean zeroHead = true;
        for (int i = 0; i < 12; i++) {
            zeroHead &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        try {
            if (zeroHead || nat64) {
                return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return Optional.of(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
        return Optional.empty();
    }

    /** An IPv4 literal in any inet_aton form (1 to 4 parts, each decimal, 0-octal or 0x-hex), or empty for a name. */
    static Optional<InetAddress> ipv4Literal(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> n = number(parts[i]);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            v[i] = n.get();
        }
        long value = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (v[i] > 255) {
                return Optional.empty();
            }
            value |= v[i] << (8 * (3 - i));
        }
        if (v[last] >= (1L << (8 * (4 - last)))) {
            return Optional.empty();
        }
        value |= v[last];
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Long> number(String p) {
        try {
            if (p.startsWith("0x")) {
                return p.length() > 2 && p.length() <= 10 ? Optional.of(Long.parseLong(p.substring(2), 16)) : Optional.empty();
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return p.length() <= 12 ? Optional.of(Long.parseLong(p.substring(1), 8)) : Optional.empty();
            }
            return !p.isEmpty() && p.length() <= 10 && p.chars().allMatch(Character::isDigit)
                    ? Optional.of(Long.parseLong(p)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
