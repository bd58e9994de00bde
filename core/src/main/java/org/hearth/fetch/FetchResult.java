package org.hearth.fetch;

import java.net.URI;

/** What one fetch brought back: the address asked, the address that answered (after redirects), the bytes and their sniffed type. */
public record FetchResult(URI requested, URI answered, byte[] bytes, String mediaType) {
}
