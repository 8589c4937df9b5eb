package io.hybridctl.cli.pki;

import io.hybridctl.cli.UserError;
import io.hybridctl.pki.PkiException;

import java.io.IOException;

/** Maps pki failures to exit codes: refused 1, bad input or an unwritable directory 2. Messages carry no secrets. */
final class PkiErrors {

    private PkiErrors() {
    }

    interface Action<T> {
        T run() throws PkiException, IOException;
    }

    static <T> T guard(Action<T> action) {
        try {
            return action.run();
        } catch (PkiException e) {
            throw new UserError(e.kind() == PkiException.Kind.REFUSED ? 1 : 2, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(2, e.getMessage());
        } catch (IOException e) {
            throw new UserError(2, "cannot write the PKI directory: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "; check the path and its permissions");
        }
    }
}
