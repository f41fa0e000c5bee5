/**
 * The seed documents' own client protocols, one package per seed, each a thin translation onto Parley's commands,
 * queries and stored events ({@code docs/dialects.md}); {@code core} holds what they share.
 */
package io.parley.dialects;
