// Generated from /api/openapi.json by `npm run gen:api`; do not edit.

export interface paths {
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (logins, user and secret changes, overrides) */
        get: {
            parameters: {
                query?: {
                    /** @description entries whose action starts with this */
                    action?: string;
                    limit?: number;
                    offset?: number;
                    user?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with a username and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the refresh token (and its rotations) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshInput"];
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token (cookie or body) for a new pair; the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metadata providers: enabled, whether a key is set (never the key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiConfig"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Configure a provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewApiConfigInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiConfig"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config/apis/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiConfig"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change a provider (apiKey null removes the key) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiConfigChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiConfig"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Forget a provider configuration and its key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config/apis/{provider}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one real request to the provider: latency, or what failed (timeout, HTTP error, bad response) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: number;
                            error?: {
                                code: string;
                                message: string;
                            };
                            latencyMs: number;
                            ok: boolean;
                            provider: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Upload destinations (operators see them to choose one; secrets are never returned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Destination"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a destination (FTP, explicit FTPS or SFTP) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewDestinationInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/destinations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One destination */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change a destination: absent fields are kept; password or privateKey null removes it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DestinationChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Destination"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a destination */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/destinations/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect, authenticate, write and delete a probe file in the base path; latency, or which step failed (DNS, refused, TLS, host key, auth, permission) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connectMs: number;
                            destination: components["schemas"]["Destination"];
                            identity: {
                                certificateFingerprint?: string;
                                hostKeyFingerprint?: string;
                                hostKeyTrustedOnFirstUse?: boolean;
                            };
                            /** @enum {boolean} */
                            ok: true;
                            writeMs: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs, newest first (operators see their own) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    limit?: number;
                    offset?: number;
                    order?: "newest" | "oldest";
                    owner?: string;
                    /** @description only the upload jobs of this pack job */
                    parent?: string;
                    q?: string;
                    /** @description comma-separated statuses */
                    status?: string;
                    to?: string;
                    type?: "ebook" | "tv" | "upload";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
                /** @description Not modified: the ETag sent in If-None-Match is still current */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a pack job from a full config (source inside RELPACK_SOURCE_ROOTS) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PackJobRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job, with the config it runs from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a job, its logs, artifacts and files */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files the job produced */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Artifact"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/artifacts/{artifactId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an artifact (Range requests supported); Bearer token, or ?token= from the link route */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path: {
                    artifactId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description The requested byte range */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/artifacts/{artifactId}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A download URL for an artifact that works without a header for two minutes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    artifactId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresAt: string;
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending or running job (its partial output is removed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: snapshot, progress, status, log, and end when the job ends */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/fix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An NFOFIX, DIRFIX or SAMPLEFIX job for a completed job's release */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FixJobRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/fix/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The fix release a fix job would write (name, NFO, findings), without a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FixJobRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReleaseActionPreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A release's history: its original pack job, then its fixes and repacks, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReleaseHistory"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Log lines in order; page with `after` (the last id you have) */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    level?: "debug" | "info" | "warn" | "error";
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LogLine"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/repack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A REPACK (your group's) or PROPER (another group's, with a reason) of a completed job's release */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RepackJobRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/repack/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The REPACK or PROPER a repack job would pack (name, NFO notes, warnings), without a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RepackJobRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReleaseActionPreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a failed or cancelled job again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/srr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The ReScene .srr of a completed pack job's release (RAR headers, NFO, SFV; docs/srr.md) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The .srr file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a completed pack job's release: one upload job per destination (ids or names) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the job id, or its first characters (4 or more) when they start only one of your jobs */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        destinations: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metadata/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Book candidates with scores through the provider chain (or one pinned provider) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BookLookupInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: components["schemas"]["BookCandidate"][];
                            tried: {
                                error?: string;
                                outcome: string;
                                provider: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metadata/lookup/video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Film, show or episode candidates with scores through the provider chain (the metadata.videoProviders preference) or one pinned provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VideoLookupInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: components["schemas"]["VideoCandidate"][];
                            tried: {
                                error?: string;
                                outcome: string;
                                provider: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your preferences, resolved user → global → default, with where each came from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Preference"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Set several of your preferences at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PreferenceValuesInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Preference"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One preference, resolved */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Preference"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set one of your preferences */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The new value */
                        value: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Preference"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove your value (fall back to global, then default) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Preference"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Your preferences as a JSON document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreferencesExport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/global": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Global values (the fallback for every user) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            values: components["schemas"]["PreferenceValues"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Set several global values */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PreferenceValuesInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            values: components["schemas"]["PreferenceValues"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/global/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One global value (set: false when there is none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GlobalPreference"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set one global value */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The new value */
                        value: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            values: components["schemas"]["PreferenceValues"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a global value (users fall back to the default) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/global/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Global values as a JSON document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreferencesExport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/global/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import global values (every entry validated first); ?dryRun=true lists the changes only */
        post: {
            parameters: {
                query?: {
                    dryRun?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PreferencesExportInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreferencesImportResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/preferences/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import your preferences (every entry validated first); ?dryRun=true lists the changes only */
        post: {
            parameters: {
                query?: {
                    dryRun?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PreferencesExportInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PreferencesImportResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rule profiles: release type, archive formats, allowed volume sizes, sample and NFO limits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RuleProfile"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and migrations are applied */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every release name relpack has produced (the dupe list), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    /** @description only names containing this text (any case) */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReleaseNamePage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/browse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a directory inside the allowed source roots (no path: the roots) */
        get: {
            parameters: {
                query?: {
                    path?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SourceListing"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a source file (multipart, one file field); streamed to disk, checked by content */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadedSource"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Version, database, queue, and free space where releases are written */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SystemStatus"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in, global and your own templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Template"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a template (admins: global unless private) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewTemplateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change a template (not a built-in one) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a template (not a built-in one) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a stored template with sample (or given) data */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateRenderDataInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplatePreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render an unsaved body with sample (or given) data */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateRenderRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplatePreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every placeholder a template can use, with type, description and example */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                dizOnly: boolean;
                                example: unknown;
                                name: string;
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewUserInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a user (never the last admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change role, active flag or password */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (ends your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordChangeInput"];
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wizard/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the pack job from the wizard state */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WizardStateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wizard/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alias of GET /api/preferences */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Preference"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Alias of POST /api/preferences */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PreferenceValuesInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Preference"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wizard/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The full plan (name and findings, volumes, disks, NFO and DIZ text) without writing anything */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WizardStateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WizardPreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wizard/step/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate one step: field errors, rule findings, and what the step learnt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WizardStepRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WizardStepResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: jobs by type and status, queue depth, run times, bytes packed and uploaded (Bearer RELPACK_METRICS_TOKEN or an admin token) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiConfig: {
            configured: boolean;
            description: string;
            enabled: boolean;
            hasKey: boolean;
            keyHint: string | null;
            keyRequired: boolean;
            /** @enum {string} */
            provider: "openlibrary" | "googlebooks" | "omdb" | "tmdb" | "tvdb";
            settings: {
                /** Format: uri */
                baseUrl?: string;
                concurrency?: number;
                dailyQuota?: number;
                requestsPerSecond?: number;
                retries?: number;
                timeoutMs?: number;
            };
            updatedAt: string | null;
        };
        ApiConfigChange: {
            apiKey?: string | null;
            enabled?: boolean;
            settings?: {
                /** Format: uri */
                baseUrl?: string;
                concurrency?: number;
                dailyQuota?: number;
                requestsPerSecond?: number;
                retries?: number;
                timeoutMs?: number;
            };
        };
        ApiConfigChangeInput: {
            apiKey?: string | null;
            enabled?: boolean;
            settings?: {
                /** Format: uri */
                baseUrl?: string;
                concurrency?: number;
                dailyQuota?: number;
                requestsPerSecond?: number;
                retries?: number;
                timeoutMs?: number;
            };
        };
        ApiConfigInput: {
            configured: boolean;
            description: string;
            enabled: boolean;
            hasKey: boolean;
            keyHint: string | null;
            keyRequired: boolean;
            /** @enum {string} */
            provider: "openlibrary" | "googlebooks" | "omdb" | "tmdb" | "tvdb";
            settings: {
                /** Format: uri */
                baseUrl?: string;
                concurrency?: number;
                dailyQuota?: number;
                requestsPerSecond?: number;
                retries?: number;
                timeoutMs?: number;
            };
            updatedAt: string | null;
        };
        Artifact: {
            crc32: string;
            createdAt: string;
            id: string;
            kind: string;
            path: string;
            size: number;
        };
        ArtifactInput: {
            crc32: string;
            createdAt: string;
            id: string;
            kind: string;
            path: string;
            size: number;
        };
        AuditEntry: {
            action: string;
            at: string;
            details: {
                [key: string]: unknown;
            } | null;
            id: number;
            ip: string | null;
            target: string | null;
            userId: string | null;
            username: string | null;
        };
        AuditEntryInput: {
            action: string;
            at: string;
            details: {
                [key: string]: unknown;
            } | null;
            id: number;
            ip: string | null;
            target: string | null;
            userId: string | null;
            username: string | null;
        };
        BookCandidate: {
            authors: string[];
            id: string;
            isbn: string | null;
            language: string | null;
            pages: number | null;
            provider: string;
            publisher: string | null;
            score: number;
            title: string;
            year: number | null;
        };
        BookCandidateInput: {
            authors: string[];
            id: string;
            isbn: string | null;
            language: string | null;
            pages: number | null;
            provider: string;
            publisher: string | null;
            score: number;
            title: string;
            year: number | null;
        };
        BookLookup: {
            author?: string;
            /** @description pin this record of `provider`: an ISBN or OL…M edition (openlibrary), a volume id (googlebooks) */
            id?: string;
            isbn?: string;
            provider?: string;
            title?: string;
            year?: number;
        };
        BookLookupInput: {
            author?: string;
            /** @description pin this record of `provider`: an ISBN or OL…M edition (openlibrary), a volume id (googlebooks) */
            id?: string;
            isbn?: string;
            provider?: string;
            title?: string;
            year?: number;
        };
        Destination: {
            basePath: string;
            concurrency: number;
            createdAt: string;
            enabled: boolean;
            hasPassword: boolean;
            hasPrivateKey: boolean;
            host: string;
            hostKey: {
                fingerprint: string | null;
                recordedAt: string | null;
                /** @enum {string|null} */
                source: "pinned" | "first-use" | null;
                trustOnFirstUse: boolean;
            };
            id: string;
            name: string;
            passive: boolean;
            pathTemplate: string;
            port: number;
            /** @enum {string} */
            protocol: "ftp" | "ftps" | "sftp";
            retries: number;
            tempRename: boolean;
            timeoutSeconds: number;
            tls: {
                acceptSelfSigned: boolean;
                fingerprint: string | null;
                verify: boolean;
            };
            updatedAt: string;
            username: string;
            /** @enum {string} */
            verify: "size" | "auto" | "read-back";
        };
        DestinationChange: {
            basePath?: string;
            concurrency?: number;
            enabled?: boolean;
            host?: string;
            hostKey?: {
                fingerprint?: string | null;
                /** @default false */
                trustOnFirstUse: boolean;
            };
            name?: string;
            /** @enum {boolean} */
            passive?: true;
            password?: string | null;
            pathTemplate?: string;
            port?: number;
            privateKey?: string | null;
            /** @enum {string} */
            protocol?: "ftp" | "ftps" | "sftp";
            retries?: number;
            tempRename?: boolean;
            timeoutSeconds?: number;
            tls?: {
                /** @default false */
                acceptSelfSigned: boolean;
                fingerprint?: string | null;
                /** @default true */
                verify: boolean;
            };
            username?: string;
            /** @enum {string} */
            verify?: "size" | "auto" | "read-back";
        };
        DestinationChangeInput: {
            basePath?: string;
            concurrency?: number;
            enabled?: boolean;
            host?: string;
            hostKey?: {
                fingerprint?: string | null;
                /** @default false */
                trustOnFirstUse: boolean;
            };
            name?: string;
            /** @enum {boolean} */
            passive?: true;
            password?: string | null;
            pathTemplate?: string;
            port?: number;
            privateKey?: string | null;
            /** @enum {string} */
            protocol?: "ftp" | "ftps" | "sftp";
            retries?: number;
            tempRename?: boolean;
            timeoutSeconds?: number;
            tls?: {
                /** @default false */
                acceptSelfSigned: boolean;
                fingerprint?: string | null;
                /** @default true */
                verify: boolean;
            };
            username?: string;
            /** @enum {string} */
            verify?: "size" | "auto" | "read-back";
        };
        DestinationInput: {
            basePath: string;
            concurrency: number;
            createdAt: string;
            enabled: boolean;
            hasPassword: boolean;
            hasPrivateKey: boolean;
            host: string;
            hostKey: {
                fingerprint: string | null;
                recordedAt: string | null;
                /** @enum {string|null} */
                source: "pinned" | "first-use" | null;
                trustOnFirstUse: boolean;
            };
            id: string;
            name: string;
            passive: boolean;
            pathTemplate: string;
            port: number;
            /** @enum {string} */
            protocol: "ftp" | "ftps" | "sftp";
            retries: number;
            tempRename: boolean;
            timeoutSeconds: number;
            tls: {
                acceptSelfSigned: boolean;
                fingerprint: string | null;
                verify: boolean;
            };
            updatedAt: string;
            username: string;
            /** @enum {string} */
            verify: "size" | "auto" | "read-back";
        };
        Error: {
            error: {
                code: string;
                details: {
                    [key: string]: unknown;
                };
                message: string;
            };
        };
        ErrorInput: {
            error: {
                code: string;
                details: {
                    [key: string]: unknown;
                };
                message: string;
            };
        };
        Finding: {
            /** @description the check that found it, finer than the rule (rar.volume-missing, sfv.crc …) */
            code?: string;
            detail: string;
            /** @description what follows from this finding, folded under it (one problem, one finding) */
            effects?: components["schemas"]["FollowOnFinding"][];
            id: string;
            message: string;
            ref: string;
            /** @enum {string} */
            severity: "block" | "warn";
            subject?: string;
        };
        FindingInput: {
            /** @description the check that found it, finer than the rule (rar.volume-missing, sfv.crc …) */
            code?: string;
            detail: string;
            /** @description what follows from this finding, folded under it (one problem, one finding) */
            effects?: components["schemas"]["FollowOnFindingInput"][];
            id: string;
            message: string;
            ref: string;
            /** @enum {string} */
            severity: "block" | "warn";
            subject?: string;
        };
        FixJobRequest: {
            /** @description Admins only, audited: write a release name relpack has produced before */
            allowDupe?: boolean;
            /**
             * @description NFOFIX, DIRFIX or SAMPLEFIX (TV)
             * @enum {string}
             */
            kind: "nfo" | "dir" | "sample";
            /** @description DIRFIX: the dirname the release should have had */
            name?: string;
            /** @description The new NFO (required for an NFOFIX); a DIRFIX or SAMPLEFIX has a default one */
            nfo?: components["schemas"]["TemplateChoice"];
            /**
             * Format: date-time
             * @description The pack time (ISO 8601); the same time gives the same bytes
             * @example 2026-12-01T20:00:00Z
             */
            time?: string;
        };
        FixJobRequestInput: {
            /** @description Admins only, audited: write a release name relpack has produced before */
            allowDupe?: boolean;
            /**
             * @description NFOFIX, DIRFIX or SAMPLEFIX (TV)
             * @enum {string}
             */
            kind: "nfo" | "dir" | "sample";
            /** @description DIRFIX: the dirname the release should have had */
            name?: string;
            /** @description The new NFO (required for an NFOFIX); a DIRFIX or SAMPLEFIX has a default one */
            nfo?: components["schemas"]["TemplateChoiceInput"];
            /**
             * Format: date-time
             * @description The pack time (ISO 8601); the same time gives the same bytes
             * @example 2026-12-01T20:00:00Z
             */
            time?: string;
        };
        FollowOnFinding: {
            /** @description the check that found it, finer than the rule (rar.volume-missing, sfv.crc …) */
            code?: string;
            detail: string;
            id: string;
            message: string;
            ref: string;
            /** @enum {string} */
            severity: "block" | "warn";
            subject?: string;
        };
        FollowOnFindingInput: {
            /** @description the check that found it, finer than the rule (rar.volume-missing, sfv.crc …) */
            code?: string;
            detail: string;
            id: string;
            message: string;
            ref: string;
            /** @enum {string} */
            severity: "block" | "warn";
            subject?: string;
        };
        GlobalPreference: {
            key: string;
            /** @description false: no global value */
            set: boolean;
            value: unknown;
        };
        GlobalPreferenceInput: {
            key: string;
            /** @description false: no global value */
            set: boolean;
            value: unknown;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            version: string;
        };
        HealthInput: {
            /** @enum {string} */
            status: "ok";
            version: string;
        };
        Job: {
            attempts: number;
            cancelRequestedAt: string | null;
            createdAt: string;
            error: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            id: string;
            ownerId: string | null;
            parentJobId: string | null;
            profile: string | null;
            progress: components["schemas"]["JobProgress"] | null;
            result: components["schemas"]["JobResult"] | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed" | "cancelled";
            title: string | null;
            /** @enum {string} */
            type: "ebook" | "tv" | "upload";
            updatedAt: string;
            worker: string | null;
        };
        JobDetail: {
            attempts: number;
            cancelRequestedAt: string | null;
            /** @description The config the job runs from (a pack or an upload config) */
            config: unknown;
            createdAt: string;
            error: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            id: string;
            ownerId: string | null;
            parentJobId: string | null;
            profile: string | null;
            progress: components["schemas"]["JobProgress"] | null;
            result: components["schemas"]["JobResult"] | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed" | "cancelled";
            title: string | null;
            /** @enum {string} */
            type: "ebook" | "tv" | "upload";
            updatedAt: string;
            worker: string | null;
        };
        JobDetailInput: {
            attempts: number;
            cancelRequestedAt: string | null;
            /** @description The config the job runs from (a pack or an upload config) */
            config: unknown;
            createdAt: string;
            error: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            id: string;
            ownerId: string | null;
            parentJobId: string | null;
            profile: string | null;
            progress: components["schemas"]["JobProgressInput"] | null;
            result: components["schemas"]["JobResultInput"] | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed" | "cancelled";
            title: string | null;
            /** @enum {string} */
            type: "ebook" | "tv" | "upload";
            updatedAt: string;
            worker: string | null;
        };
        JobInput: {
            attempts: number;
            cancelRequestedAt: string | null;
            createdAt: string;
            error: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            id: string;
            ownerId: string | null;
            parentJobId: string | null;
            profile: string | null;
            progress: components["schemas"]["JobProgressInput"] | null;
            result: components["schemas"]["JobResultInput"] | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed" | "cancelled";
            title: string | null;
            /** @enum {string} */
            type: "ebook" | "tv" | "upload";
            updatedAt: string;
            worker: string | null;
        };
        JobProgress: {
            bytesDone: number;
            bytesPerSecond?: number;
            bytesTotal: number;
            currentFile?: string | null;
            /** @description starting, download, archive, disks, text, sample, validate, upload, done */
            phase: string;
            volumeCount?: number;
            volumeIndex?: number;
        } & {
            [key: string]: unknown;
        };
        JobProgressInput: {
            bytesDone: number;
            bytesPerSecond?: number;
            bytesTotal: number;
            currentFile?: string | null;
            /** @description starting, download, archive, disks, text, sample, validate, upload, done */
            phase: string;
            volumeCount?: number;
            volumeIndex?: number;
        } & {
            [key: string]: unknown;
        };
        JobResult: {
            /** @description upload jobs */
            attempts?: number;
            /** @description upload jobs */
            bytesSent?: number;
            /** @description upload jobs */
            destination?: {
                host: string;
                id: string;
                name: string;
                protocol: string;
            } & {
                [key: string]: unknown;
            };
            /** @description upload jobs */
            files?: ({
                path: string;
            } & {
                [key: string]: unknown;
            })[];
            /** @description pack jobs */
            findings?: components["schemas"]["Finding"][];
            /** @description pack jobs */
            notes?: string[];
            /** @description pack jobs */
            profile?: string;
            /** @description pack jobs */
            releaseDir?: string;
            releaseName?: string;
            /** @description upload jobs */
            remoteDir?: string;
            /** @description pack jobs */
            volumeCount?: number;
            /** @description pack jobs */
            volumeSize?: number;
        } & {
            [key: string]: unknown;
        };
        JobResultInput: {
            /** @description upload jobs */
            attempts?: number;
            /** @description upload jobs */
            bytesSent?: number;
            /** @description upload jobs */
            destination?: {
                host: string;
                id: string;
                name: string;
                protocol: string;
            } & {
                [key: string]: unknown;
            };
            /** @description upload jobs */
            files?: ({
                path: string;
            } & {
                [key: string]: unknown;
            })[];
            /** @description pack jobs */
            findings?: components["schemas"]["FindingInput"][];
            /** @description pack jobs */
            notes?: string[];
            /** @description pack jobs */
            profile?: string;
            /** @description pack jobs */
            releaseDir?: string;
            releaseName?: string;
            /** @description upload jobs */
            remoteDir?: string;
            /** @description pack jobs */
            volumeCount?: number;
            /** @description pack jobs */
            volumeSize?: number;
        } & {
            [key: string]: unknown;
        };
        Login: {
            password: string;
            username: string;
        };
        LoginInput: {
            password: string;
            username: string;
        };
        LogLine: {
            at: string;
            fields: {
                [key: string]: unknown;
            } | null;
            id: number;
            /** @enum {string} */
            level: "debug" | "info" | "warn" | "error";
            message: string;
        };
        LogLineInput: {
            at: string;
            fields: {
                [key: string]: unknown;
            } | null;
            id: number;
            /** @enum {string} */
            level: "debug" | "info" | "warn" | "error";
            message: string;
        };
        NewApiConfig: {
            apiKey?: string | null;
            enabled?: boolean;
            provider: string;
            settings?: {
                /** Format: uri */
                baseUrl?: string;
                concurrency?: number;
                dailyQuota?: number;
                requestsPerSecond?: number;
                retries?: number;
                timeoutMs?: number;
            };
        };
        NewApiConfigInput: {
            apiKey?: string | null;
            enabled?: boolean;
            provider: string;
            settings?: {
                /** Format: uri */
                baseUrl?: string;
                concurrency?: number;
                dailyQuota?: number;
                requestsPerSecond?: number;
                retries?: number;
                timeoutMs?: number;
            };
        };
        NewDestination: {
            /** @default / */
            basePath: string;
            /** @default 1 */
            concurrency: number;
            /** @default true */
            enabled: boolean;
            host: string;
            /**
             * @default {
             *       "trustOnFirstUse": false
             *     }
             */
            hostKey: {
                fingerprint?: string | null;
                /** @default false */
                trustOnFirstUse: boolean;
            };
            name: string;
            /**
             * @default true
             * @enum {boolean}
             */
            passive: true;
            password?: string | null;
            /** @default {{ release }} */
            pathTemplate: string;
            port?: number;
            privateKey?: string | null;
            /** @enum {string} */
            protocol: "ftp" | "ftps" | "sftp";
            /** @default 5 */
            retries: number;
            tempRename?: boolean;
            /** @default 30 */
            timeoutSeconds: number;
            /**
             * @default {
             *       "verify": true,
             *       "acceptSelfSigned": false
             *     }
             */
            tls: {
                /** @default false */
                acceptSelfSigned: boolean;
                fingerprint?: string | null;
                /** @default true */
                verify: boolean;
            };
            username: string;
            /**
             * @default auto
             * @enum {string}
             */
            verify: "size" | "auto" | "read-back";
        };
        NewDestinationInput: {
            /** @default / */
            basePath: string;
            /** @default 1 */
            concurrency: number;
            /** @default true */
            enabled: boolean;
            host: string;
            /**
             * @default {
             *       "trustOnFirstUse": false
             *     }
             */
            hostKey: {
                fingerprint?: string | null;
                /** @default false */
                trustOnFirstUse: boolean;
            };
            name: string;
            /**
             * @default true
             * @enum {boolean}
             */
            passive: true;
            password?: string | null;
            /** @default {{ release }} */
            pathTemplate: string;
            port?: number;
            privateKey?: string | null;
            /** @enum {string} */
            protocol: "ftp" | "ftps" | "sftp";
            /** @default 5 */
            retries: number;
            tempRename?: boolean;
            /** @default 30 */
            timeoutSeconds: number;
            /**
             * @default {
             *       "verify": true,
             *       "acceptSelfSigned": false
             *     }
             */
            tls: {
                /** @default false */
                acceptSelfSigned: boolean;
                fingerprint?: string | null;
                /** @default true */
                verify: boolean;
            };
            username: string;
            /**
             * @default auto
             * @enum {string}
             */
            verify: "size" | "auto" | "read-back";
        };
        NewTemplate: {
            body: string;
            description?: string | null;
            isDefault?: boolean;
            /** @enum {string} */
            kind: "nfo" | "diz";
            name: string;
            private?: boolean;
            /** @enum {string} */
            releaseType: "ebook" | "tv";
        };
        NewTemplateInput: {
            body: string;
            description?: string | null;
            isDefault?: boolean;
            /** @enum {string} */
            kind: "nfo" | "diz";
            name: string;
            private?: boolean;
            /** @enum {string} */
            releaseType: "ebook" | "tv";
        };
        NewUser: {
            password: string;
            /** @enum {string} */
            role: "admin" | "operator";
            username: string;
        };
        NewUserInput: {
            password: string;
            /** @enum {string} */
            role: "admin" | "operator";
            username: string;
        };
        PackJobRequest: {
            /** @description Admins only, audited: pack a release name relpack has produced before (a site would refuse it) */
            allowDupe?: boolean;
            /** @description Destinations (ids or names) to upload to once the pack completed */
            destinations?: string[];
            dizTemplate?: components["schemas"]["TemplateChoice"];
            /**
             * @description The group tag (letters, digits, underscore)
             * @example GRP
             */
            group: string;
            /** @description Name and NFO fields (title, author, year, show, episode, …) over what the file says */
            meta?: {
                [key: string]: string;
            };
            /** @description The release name, instead of building it */
            name?: string;
            nfoTemplate?: components["schemas"]["TemplateChoice"];
            /** @description Rule ids whose block findings do not stop the pack (admins only) */
            overrides?: string[];
            /**
             * @description A rule profile (GET /api/profiles); default: the type’s default profile
             * @enum {string}
             */
            profile?: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
            /** @enum {string} */
            rarFormat?: "rar4" | "rar5";
            /** @description Cut a sample (TV) */
            sample?: boolean;
            /** @description A file inside the source roots */
            source?: string;
            /** @description Or an http(s) URL to download */
            sourceUrl?: string;
            /**
             * Format: date-time
             * @description The pack time (ISO 8601): NFO/DIZ date, ZIP and SFV times, sample seed; the same sources and time give the same bytes
             * @example 2026-12-01T20:00:00Z
             */
            time?: string;
            /** @enum {string} */
            type: "ebook" | "tv";
            /** @description Read every written volume back before publishing, as a site would (slower) */
            verify?: boolean;
            /** @description Bytes per RAR volume; one of the sizes the profile allows */
            volumeSize?: number;
        };
        PackJobRequestInput: {
            /** @description Admins only, audited: pack a release name relpack has produced before (a site would refuse it) */
            allowDupe?: boolean;
            /** @description Destinations (ids or names) to upload to once the pack completed */
            destinations?: string[];
            dizTemplate?: components["schemas"]["TemplateChoiceInput"];
            /**
             * @description The group tag (letters, digits, underscore)
             * @example GRP
             */
            group: string;
            /** @description Name and NFO fields (title, author, year, show, episode, …) over what the file says */
            meta?: {
                [key: string]: string;
            };
            /** @description The release name, instead of building it */
            name?: string;
            nfoTemplate?: components["schemas"]["TemplateChoiceInput"];
            /** @description Rule ids whose block findings do not stop the pack (admins only) */
            overrides?: string[];
            /**
             * @description A rule profile (GET /api/profiles); default: the type’s default profile
             * @enum {string}
             */
            profile?: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
            /** @enum {string} */
            rarFormat?: "rar4" | "rar5";
            /** @description Cut a sample (TV) */
            sample?: boolean;
            /** @description A file inside the source roots */
            source?: string;
            /** @description Or an http(s) URL to download */
            sourceUrl?: string;
            /**
             * Format: date-time
             * @description The pack time (ISO 8601): NFO/DIZ date, ZIP and SFV times, sample seed; the same sources and time give the same bytes
             * @example 2026-12-01T20:00:00Z
             */
            time?: string;
            /** @enum {string} */
            type: "ebook" | "tv";
            /** @description Read every written volume back before publishing, as a site would (slower) */
            verify?: boolean;
            /** @description Bytes per RAR volume; one of the sizes the profile allows */
            volumeSize?: number;
        };
        PartialWizardState: {
            delivery?: {
                /** @default [] */
                destinations: string[];
            };
            metadata?: {
                lookup?: boolean;
                /**
                 * @description Name and NFO fields (title, author, year, show, episode, …) over what the file says
                 * @default {}
                 */
                meta: {
                    [key: string]: string;
                };
                provider?: string;
            };
            naming?: {
                /**
                 * @description The group tag (letters, digits, underscore)
                 * @example GRP
                 */
                group?: string;
                name?: string;
            };
            nfo?: {
                body?: string;
                dizTemplateId?: string;
                notes?: string;
                templateId?: string;
            };
            overrides?: string[];
            packing?: {
                /** @enum {string} */
                rarFormat?: "rar4" | "rar5";
                sample?: boolean;
                /** @description Bytes per RAR volume; one of the sizes the profile allows */
                volumeSize?: number | null;
            };
            source?: {
                /** @enum {string} */
                kind: "local";
                path: string;
            } | {
                /** @enum {string} */
                kind: "url";
                url: string;
            };
            type?: {
                /**
                 * @description A rule profile (GET /api/profiles); default: the type’s default profile
                 * @enum {string}
                 */
                profile?: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
                /** @enum {string} */
                releaseType: "ebook" | "tv";
            };
        };
        PartialWizardStateInput: {
            delivery?: {
                /** @default [] */
                destinations: string[];
            };
            metadata?: {
                lookup?: boolean;
                /**
                 * @description Name and NFO fields (title, author, year, show, episode, …) over what the file says
                 * @default {}
                 */
                meta: {
                    [key: string]: string;
                };
                provider?: string;
            };
            naming?: {
                /**
                 * @description The group tag (letters, digits, underscore)
                 * @example GRP
                 */
                group?: string;
                name?: string;
            };
            nfo?: {
                body?: string;
                dizTemplateId?: string;
                notes?: string;
                templateId?: string;
            };
            overrides?: string[];
            packing?: {
                /** @enum {string} */
                rarFormat?: "rar4" | "rar5";
                sample?: boolean;
                /** @description Bytes per RAR volume; one of the sizes the profile allows */
                volumeSize?: number | null;
            };
            source?: {
                /** @enum {string} */
                kind: "local";
                path: string;
            } | {
                /** @enum {string} */
                kind: "url";
                url: string;
            };
            type?: {
                /**
                 * @description A rule profile (GET /api/profiles); default: the type’s default profile
                 * @enum {string}
                 */
                profile?: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
                /** @enum {string} */
                releaseType: "ebook" | "tv";
            };
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        PasswordChangeInput: {
            currentPassword: string;
            newPassword: string;
        };
        Preference: {
            default: unknown;
            description: string;
            key: string;
            /** @enum {string} */
            source: "user" | "global" | "default";
            value: unknown;
        };
        PreferenceInput: {
            default: unknown;
            description: string;
            key: string;
            /** @enum {string} */
            source: "user" | "global" | "default";
            value: unknown;
        };
        PreferencesExport: {
            /** @enum {string} */
            format: "relpack-preferences";
            preferences: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            scope: "user" | "global";
            /** @enum {number} */
            version: 1;
        };
        PreferencesExportInput: {
            /** @enum {string} */
            format: "relpack-preferences";
            preferences: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            scope: "user" | "global";
            /** @enum {number} */
            version: 1;
        };
        PreferencesImportResult: {
            changes: {
                from: unknown;
                key: string;
                to: unknown;
            }[];
            dryRun: boolean;
        };
        PreferencesImportResultInput: {
            changes: {
                from: unknown;
                key: string;
                to: unknown;
            }[];
            dryRun: boolean;
        };
        PreferenceValues: {
            /** @description Destinations chosen by default after a pack */
            "delivery.destinations"?: string[];
            /** @description Book metadata providers, tried in this order until one has candidates */
            "metadata.bookProviders"?: ("openlibrary" | "googlebooks")[];
            /** @description Film and TV metadata providers, tried in this order until one has candidates */
            "metadata.videoProviders"?: ("tmdb" | "tvdb" | "omdb")[];
            /** @description Template id for file_id.diz (null: the default one) */
            "nfo.dizTemplate"?: string | null;
            /** @description Template id for eBOOK NFOs (null: the default one) */
            "nfo.ebookTemplate"?: string | null;
            /** @description Template id for TV NFOs (null: the default one) */
            "nfo.tvTemplate"?: string | null;
            /**
             * @description Rule profile for eBooks
             * @enum {string}
             */
            "pack.ebookProfile"?: "ebook-2022";
            /** @description eBOOK disk size in bytes (null: the smallest that fits) */
            "pack.ebookVolumeSize"?: number | null;
            /** @description Group tag pre-filled in the wizard */
            "pack.group"?: string;
            /**
             * @description RAR format where the profile allows a choice
             * @enum {string}
             */
            "pack.rarFormat"?: "rar4" | "rar5";
            /** @description Cut a TV sample */
            "pack.sample"?: boolean;
            /**
             * @description Rule profile for TV
             * @enum {string}
             */
            "pack.tvProfile"?: "tv-720p-2016" | "tv-sd-2016" | "web-2020";
            /** @description TV volume size in bytes (null: the smallest allowed) */
            "pack.tvVolumeSize"?: number | null;
            /** @description Jobs per page */
            "ui.jobsPageSize"?: number;
            /**
             * @description Interface language
             * @enum {string}
             */
            "ui.language"?: "en" | "fr";
            /**
             * @description Colour theme
             * @enum {string}
             */
            "ui.theme"?: "system" | "light" | "dark";
        };
        PreferenceValuesInput: {
            /** @description Destinations chosen by default after a pack */
            "delivery.destinations"?: string[];
            /** @description Book metadata providers, tried in this order until one has candidates */
            "metadata.bookProviders"?: ("openlibrary" | "googlebooks")[];
            /** @description Film and TV metadata providers, tried in this order until one has candidates */
            "metadata.videoProviders"?: ("tmdb" | "tvdb" | "omdb")[];
            /** @description Template id for file_id.diz (null: the default one) */
            "nfo.dizTemplate"?: string | null;
            /** @description Template id for eBOOK NFOs (null: the default one) */
            "nfo.ebookTemplate"?: string | null;
            /** @description Template id for TV NFOs (null: the default one) */
            "nfo.tvTemplate"?: string | null;
            /**
             * @description Rule profile for eBooks
             * @enum {string}
             */
            "pack.ebookProfile"?: "ebook-2022";
            /** @description eBOOK disk size in bytes (null: the smallest that fits) */
            "pack.ebookVolumeSize"?: number | null;
            /** @description Group tag pre-filled in the wizard */
            "pack.group"?: string;
            /**
             * @description RAR format where the profile allows a choice
             * @enum {string}
             */
            "pack.rarFormat"?: "rar4" | "rar5";
            /** @description Cut a TV sample */
            "pack.sample"?: boolean;
            /**
             * @description Rule profile for TV
             * @enum {string}
             */
            "pack.tvProfile"?: "tv-720p-2016" | "tv-sd-2016" | "web-2020";
            /** @description TV volume size in bytes (null: the smallest allowed) */
            "pack.tvVolumeSize"?: number | null;
            /** @description Jobs per page */
            "ui.jobsPageSize"?: number;
            /**
             * @description Interface language
             * @enum {string}
             */
            "ui.language"?: "en" | "fr";
            /**
             * @description Colour theme
             * @enum {string}
             */
            "ui.theme"?: "system" | "light" | "dark";
        };
        Ready: {
            database: {
                dialect: string;
                pendingMigrations: string[];
            };
            /** @enum {boolean} */
            ready: true;
        };
        ReadyInput: {
            database: {
                dialect: string;
                pendingMigrations: string[];
            };
            /** @enum {boolean} */
            ready: true;
        };
        Refresh: {
            refreshToken?: string;
        } | null;
        RefreshInput: {
            refreshToken?: string;
        } | null;
        ReleaseActionPreview: {
            /** @enum {string} */
            action: "fix" | "repack";
            findings: components["schemas"]["Finding"][];
            /** @description The NFO as it will be written (a repack renders it while packing: null) */
            nfo: {
                name: string;
                text: string;
            } | null;
            /** @description What a repack says in its NFO */
            notes: string | null;
            profile: string;
            /** @description The name the new release will have */
            releaseName: string;
            /** @description The release it fixes or replaces */
            replaces: string;
            /** @description NFOFIX, NFOFiX, DIRFIX, SAMPLEFIX, REPACK or PROPER */
            tag: string;
            /** @description What the rules advise against but allow */
            warnings: string[];
        };
        ReleaseActionPreviewInput: {
            /** @enum {string} */
            action: "fix" | "repack";
            findings: components["schemas"]["FindingInput"][];
            /** @description The NFO as it will be written (a repack renders it while packing: null) */
            nfo: {
                name: string;
                text: string;
            } | null;
            /** @description What a repack says in its NFO */
            notes: string | null;
            profile: string;
            /** @description The name the new release will have */
            releaseName: string;
            /** @description The release it fixes or replaces */
            replaces: string;
            /** @description NFOFIX, NFOFiX, DIRFIX, SAMPLEFIX, REPACK or PROPER */
            tag: string;
            /** @description What the rules advise against but allow */
            warnings: string[];
        };
        /** @description The original pack job, then its fixes and repacks, oldest first */
        ReleaseHistory: {
            items: components["schemas"]["ReleaseHistoryEntry"][];
        };
        ReleaseHistoryEntry: {
            job: components["schemas"]["Job"];
            /** @enum {string} */
            relation: "original" | "fix" | "repack" | "proper";
            /** @description The fix or repack tag; null for the original */
            tag: string | null;
        };
        ReleaseHistoryEntryInput: {
            job: components["schemas"]["JobInput"];
            /** @enum {string} */
            relation: "original" | "fix" | "repack" | "proper";
            /** @description The fix or repack tag; null for the original */
            tag: string | null;
        };
        /** @description The original pack job, then its fixes and repacks, oldest first */
        ReleaseHistoryInput: {
            items: components["schemas"]["ReleaseHistoryEntryInput"][];
        };
        ReleaseName: {
            createdAt: string;
            jobId: string | null;
            /** @enum {string} */
            kind: "pack" | "fix" | "repack" | "proper";
            name: string;
        };
        ReleaseNameInput: {
            createdAt: string;
            jobId: string | null;
            /** @enum {string} */
            kind: "pack" | "fix" | "repack" | "proper";
            name: string;
        };
        ReleaseNamePage: {
            items: components["schemas"]["ReleaseName"][];
            limit: number;
            offset: number;
            total: number;
        };
        ReleaseNamePageInput: {
            items: components["schemas"]["ReleaseNameInput"][];
            limit: number;
            offset: number;
            total: number;
        };
        RepackJobRequest: {
            /** @description Admins only, audited: write a release name relpack has produced before */
            allowDupe?: boolean;
            /**
             * @description The group packing it; default: the original's
             * @example GRP
             */
            group?: string;
            /** @description A PROPER of another group's release instead of your own REPACK */
            proper?: boolean;
            /** @description Why (required for a PROPER); written in the NFO */
            reason?: string;
            /**
             * Format: date-time
             * @description The pack time (ISO 8601); the same time gives the same bytes
             * @example 2026-12-01T20:00:00Z
             */
            time?: string;
        };
        RepackJobRequestInput: {
            /** @description Admins only, audited: write a release name relpack has produced before */
            allowDupe?: boolean;
            /**
             * @description The group packing it; default: the original's
             * @example GRP
             */
            group?: string;
            /** @description A PROPER of another group's release instead of your own REPACK */
            proper?: boolean;
            /** @description Why (required for a PROPER); written in the NFO */
            reason?: string;
            /**
             * Format: date-time
             * @description The pack time (ISO 8601); the same time gives the same bytes
             * @example 2026-12-01T20:00:00Z
             */
            time?: string;
        };
        RuleProfile: {
            checks: {
                id: string;
                message: string;
                ref: string;
                /** @enum {string} */
                severity: "block" | "warn";
            }[];
            /**
             * @description A rule profile (GET /api/profiles); default: the type’s default profile
             * @enum {string}
             */
            id: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
            maxVolumes: number;
            name: string;
            nfoMaxWidth: number;
            rarFormats: ("rar4" | "rar5")[];
            /** @enum {string} */
            releaseType: "ebook" | "tv";
            ruleset: string;
            sample: boolean;
            version: number;
            /** @description Allowed sizes per resolution class */
            volumeSizes: {
                [key: string]: {
                    fixed: number[];
                    multipleOf: number | null;
                };
            };
        };
        RuleProfileInput: {
            checks: {
                id: string;
                message: string;
                ref: string;
                /** @enum {string} */
                severity: "block" | "warn";
            }[];
            /**
             * @description A rule profile (GET /api/profiles); default: the type’s default profile
             * @enum {string}
             */
            id: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
            maxVolumes: number;
            name: string;
            nfoMaxWidth: number;
            rarFormats: ("rar4" | "rar5")[];
            /** @enum {string} */
            releaseType: "ebook" | "tv";
            ruleset: string;
            sample: boolean;
            version: number;
            /** @description Allowed sizes per resolution class */
            volumeSizes: {
                [key: string]: {
                    fixed: number[];
                    multipleOf: number | null;
                };
            };
        };
        Session: {
            accessToken: string;
            accessTokenExpiresAt: string;
            refreshToken: string;
            user: {
                id: string;
                /** @enum {string} */
                role: "admin" | "operator";
                username: string;
            };
        };
        SessionInput: {
            accessToken: string;
            accessTokenExpiresAt: string;
            refreshToken: string;
            user: {
                id: string;
                /** @enum {string} */
                role: "admin" | "operator";
                username: string;
            };
        };
        SourceEntry: {
            modifiedAt: string;
            name: string;
            path: string;
            /** @enum {string|null} */
            releaseType: "ebook" | "tv" | null;
            size: number | null;
            /** @enum {string} */
            type: "dir" | "file";
        };
        SourceEntryInput: {
            modifiedAt: string;
            name: string;
            path: string;
            /** @enum {string|null} */
            releaseType: "ebook" | "tv" | null;
            size: number | null;
            /** @enum {string} */
            type: "dir" | "file";
        };
        SourceListing: {
            entries: components["schemas"]["SourceEntry"][];
            path: string | null;
        };
        SourceListingInput: {
            entries: components["schemas"]["SourceEntryInput"][];
            path: string | null;
        };
        SystemStatus: {
            database: string;
            disk: {
                freeBytes: number;
                path: string;
                totalBytes: number;
            };
            /** @enum {string} */
            queue: "in-process" | "redis";
            version: string;
        };
        SystemStatusInput: {
            database: string;
            disk: {
                freeBytes: number;
                path: string;
                totalBytes: number;
            };
            /** @enum {string} */
            queue: "in-process" | "redis";
            version: string;
        };
        Template: {
            body: string;
            builtIn: boolean;
            createdAt: string;
            description: string | null;
            id: string;
            isDefault: boolean;
            /** @enum {string} */
            kind: "nfo" | "diz";
            name: string;
            ownerId: string | null;
            /** @enum {string} */
            releaseType: "ebook" | "tv";
            updatedAt: string;
        };
        TemplateChange: {
            body?: string;
            description?: string | null;
            isDefault?: boolean;
            /** @enum {string} */
            kind?: "nfo" | "diz";
            name?: string;
            /** @enum {string} */
            releaseType?: "ebook" | "tv";
        };
        TemplateChangeInput: {
            body?: string;
            description?: string | null;
            isDefault?: boolean;
            /** @enum {string} */
            kind?: "nfo" | "diz";
            name?: string;
            /** @enum {string} */
            releaseType?: "ebook" | "tv";
        };
        /** @description A saved template by id or name ({ templateId }), or the Liquid text itself ({ body }) */
        TemplateChoice: {
            templateId: string;
        } | {
            body: string;
        };
        /** @description A saved template by id or name ({ templateId }), or the Liquid text itself ({ body }) */
        TemplateChoiceInput: {
            templateId: string;
        } | {
            body: string;
        };
        TemplateInput: {
            body: string;
            builtIn: boolean;
            createdAt: string;
            description: string | null;
            id: string;
            isDefault: boolean;
            /** @enum {string} */
            kind: "nfo" | "diz";
            name: string;
            ownerId: string | null;
            /** @enum {string} */
            releaseType: "ebook" | "tv";
            updatedAt: string;
        };
        TemplatePreview: {
            cp437: string;
            lineCount: number;
            text: string;
            warnings: ({
                line: number;
                max: number;
                /** @enum {string} */
                type: "width";
                width: number;
            } | {
                lines: number;
                max: number;
                /** @enum {string} */
                type: "height";
            } | {
                char: string;
                column: number;
                line: number;
                replacement: string;
                /** @enum {string} */
                type: "charset";
            } | {
                message: string;
                /** @enum {string} */
                type: "counter";
            })[];
        };
        TemplatePreviewInput: {
            cp437: string;
            lineCount: number;
            text: string;
            warnings: ({
                line: number;
                max: number;
                /** @enum {string} */
                type: "width";
                width: number;
            } | {
                lines: number;
                max: number;
                /** @enum {string} */
                type: "height";
            } | {
                char: string;
                column: number;
                line: number;
                replacement: string;
                /** @enum {string} */
                type: "charset";
            } | {
                message: string;
                /** @enum {string} */
                type: "counter";
            })[];
        };
        TemplateRenderData: {
            /** @description Values over the sample data, by variable path (GET /api/templates/variables) */
            data?: {
                [key: string]: unknown;
            };
        };
        TemplateRenderDataInput: {
            /** @description Values over the sample data, by variable path (GET /api/templates/variables) */
            data?: {
                [key: string]: unknown;
            };
        };
        TemplateRenderRequest: {
            body: string;
            /** @description Values over the sample data, by variable path (GET /api/templates/variables) */
            data?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            kind: "nfo" | "diz";
            /** @enum {string} */
            releaseType: "ebook" | "tv";
        };
        TemplateRenderRequestInput: {
            body: string;
            /** @description Values over the sample data, by variable path (GET /api/templates/variables) */
            data?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            kind: "nfo" | "diz";
            /** @enum {string} */
            releaseType: "ebook" | "tv";
        };
        UploadedSource: {
            name: string;
            /** @description Where the file now is; pass it as a job or wizard source */
            path: string;
            size: number;
            /** @enum {string} */
            type: "epub" | "pdf" | "cbz" | "mobi" | "azw" | "azw3" | "kf8" | "prc" | "mkv";
        };
        UploadedSourceInput: {
            name: string;
            /** @description Where the file now is; pass it as a job or wizard source */
            path: string;
            size: number;
            /** @enum {string} */
            type: "epub" | "pdf" | "cbz" | "mobi" | "azw" | "azw3" | "kf8" | "prc" | "mkv";
        };
        User: {
            active: boolean;
            createdAt: string;
            id: string;
            lastLoginAt: string | null;
            /** @enum {string} */
            role: "admin" | "operator";
            updatedAt: string;
            username: string;
        };
        UserChange: {
            active?: boolean;
            password?: string;
            /** @enum {string} */
            role?: "admin" | "operator";
        };
        UserChangeInput: {
            active?: boolean;
            password?: string;
            /** @enum {string} */
            role?: "admin" | "operator";
        };
        UserInput: {
            active: boolean;
            createdAt: string;
            id: string;
            lastLoginAt: string | null;
            /** @enum {string} */
            role: "admin" | "operator";
            updatedAt: string;
            username: string;
        };
        VideoCandidate: {
            airDate: string | null;
            episode: number | null;
            episodeTitle: string | null;
            id: string;
            imdbId: string | null;
            /** @enum {string} */
            kind: "series" | "movie" | "episode";
            provider: string;
            score: number;
            season: number | null;
            title: string;
            year: number | null;
        };
        VideoCandidateInput: {
            airDate: string | null;
            episode: number | null;
            episodeTitle: string | null;
            id: string;
            imdbId: string | null;
            /** @enum {string} */
            kind: "series" | "movie" | "episode";
            provider: string;
            score: number;
            season: number | null;
            title: string;
            year: number | null;
        };
        VideoLookup: {
            episode?: number;
            /** @description pin this record of `provider` (its own id) instead of searching */
            id?: string;
            imdbId?: string;
            /**
             * @default episode
             * @enum {string}
             */
            kind: "episode" | "movie";
            provider?: string;
            season?: number;
            title?: string;
            year?: number;
        };
        VideoLookupInput: {
            episode?: number;
            /** @description pin this record of `provider` (its own id) instead of searching */
            id?: string;
            imdbId?: string;
            /**
             * @default episode
             * @enum {string}
             */
            kind: "episode" | "movie";
            provider?: string;
            season?: number;
            title?: string;
            year?: number;
        };
        WizardPreview: {
            disks: {
                diz: string;
                volume: string;
                zip: string;
            }[] | null;
            findings: components["schemas"]["Finding"][];
            nfo: {
                name: string;
                text: string;
            };
            notes: string[];
            profile: string;
            releaseName: string;
            sample: {
                endSeconds: number;
                path: string;
                startSeconds: number;
            } | null;
            sfv: string | null;
            volumes: {
                name: string;
                size: number;
            }[];
            volumeSize: number;
        };
        WizardPreviewInput: {
            disks: {
                diz: string;
                volume: string;
                zip: string;
            }[] | null;
            findings: components["schemas"]["FindingInput"][];
            nfo: {
                name: string;
                text: string;
            };
            notes: string[];
            profile: string;
            releaseName: string;
            sample: {
                endSeconds: number;
                path: string;
                startSeconds: number;
            } | null;
            sfv: string | null;
            volumes: {
                name: string;
                size: number;
            }[];
            volumeSize: number;
        };
        WizardState: {
            delivery?: {
                /** @default [] */
                destinations: string[];
            };
            metadata?: {
                lookup?: boolean;
                /**
                 * @description Name and NFO fields (title, author, year, show, episode, …) over what the file says
                 * @default {}
                 */
                meta: {
                    [key: string]: string;
                };
                provider?: string;
            };
            naming?: {
                /**
                 * @description The group tag (letters, digits, underscore)
                 * @example GRP
                 */
                group?: string;
                name?: string;
            };
            nfo?: {
                body?: string;
                dizTemplateId?: string;
                notes?: string;
                templateId?: string;
            };
            overrides?: string[];
            packing?: {
                /** @enum {string} */
                rarFormat?: "rar4" | "rar5";
                sample?: boolean;
                /** @description Bytes per RAR volume; one of the sizes the profile allows */
                volumeSize?: number | null;
            };
            source: {
                /** @enum {string} */
                kind: "local";
                path: string;
            } | {
                /** @enum {string} */
                kind: "url";
                url: string;
            };
            type: {
                /**
                 * @description A rule profile (GET /api/profiles); default: the type’s default profile
                 * @enum {string}
                 */
                profile?: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
                /** @enum {string} */
                releaseType: "ebook" | "tv";
            };
        };
        WizardStateInput: {
            delivery?: {
                /** @default [] */
                destinations: string[];
            };
            metadata?: {
                lookup?: boolean;
                /**
                 * @description Name and NFO fields (title, author, year, show, episode, …) over what the file says
                 * @default {}
                 */
                meta: {
                    [key: string]: string;
                };
                provider?: string;
            };
            naming?: {
                /**
                 * @description The group tag (letters, digits, underscore)
                 * @example GRP
                 */
                group?: string;
                name?: string;
            };
            nfo?: {
                body?: string;
                dizTemplateId?: string;
                notes?: string;
                templateId?: string;
            };
            overrides?: string[];
            packing?: {
                /** @enum {string} */
                rarFormat?: "rar4" | "rar5";
                sample?: boolean;
                /** @description Bytes per RAR volume; one of the sizes the profile allows */
                volumeSize?: number | null;
            };
            source: {
                /** @enum {string} */
                kind: "local";
                path: string;
            } | {
                /** @enum {string} */
                kind: "url";
                url: string;
            };
            type: {
                /**
                 * @description A rule profile (GET /api/profiles); default: the type’s default profile
                 * @enum {string}
                 */
                profile?: "ebook-2022" | "tv-720p-2016" | "tv-sd-2016" | "web-2020";
                /** @enum {string} */
                releaseType: "ebook" | "tv";
            };
        };
        WizardStepRequest: {
            /** @description The step's fields (the matching part of WizardState); field errors come back as errors */
            data: unknown;
            state?: components["schemas"]["PartialWizardState"];
            /** @enum {string} */
            step: "type" | "source" | "metadata" | "naming" | "nfo" | "packing" | "delivery";
        };
        WizardStepRequestInput: {
            /** @description The step's fields (the matching part of WizardState); field errors come back as errors */
            data: unknown;
            state?: components["schemas"]["PartialWizardStateInput"];
            /** @enum {string} */
            step: "type" | "source" | "metadata" | "naming" | "nfo" | "packing" | "delivery";
        };
        WizardStepResult: {
            errors: {
                code?: string;
                message: string;
                path: string;
            }[];
            findings: components["schemas"]["Finding"][];
            /** @description What the step learnt: the file type, metadata read from the file, the built name… */
            info: {
                [key: string]: unknown;
            };
            ok: boolean;
        };
        WizardStepResultInput: {
            errors: {
                code?: string;
                message: string;
                path: string;
            }[];
            findings: components["schemas"]["FindingInput"][];
            /** @description What the step learnt: the file type, metadata read from the file, the built name… */
            info: {
                [key: string]: unknown;
            };
            ok: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
