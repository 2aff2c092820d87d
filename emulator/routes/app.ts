import {
  propertyList,
  renderDeviceInfo,
  renderGroups,
  renderLegacyEntry,
  renderObjectListEntry,
} from '../devices';
import { appError, appOk, bodyObject, str } from '../reply';
import type { Reply, RequestContext, Route } from '../reply';
import type { AccountSpec } from '../world';

/**
 * App-host codes and messages as the traces show them, in the 2024+ wording (docs/protocol.md,
 * "Error codes").
 */
export const APP_ERRORS = {
  parameter: ['1001', 'ParameterError'],
  accessToken: ['2001', 'access token is error'],
  refreshToken: ['2002', 'refresh token is error.'],
  systemLimit: ['1011', 'system limit exceeded, please try again later.'],
} as const;

const error = ([code, msg]: readonly [string, string]): Reply => appError(code, msg);

/**
 * Resolves the account behind access_token, or the error the service gives (docs/protocol.md,
 * "Tokens and refresh").
 */
function authenticate(ctx: RequestContext): AccountSpec | Reply {
  const token = str(bodyObject(ctx).access_token);
  if (!token) return error(APP_ERRORS.parameter);
  const email = ctx.state.tokens.checkAccess(token);
  const account = email ? ctx.state.account(email) : undefined;
  if (!account) return error(APP_ERRORS.accessToken);
  if (ctx.fault?.kind === 'accessTokenError') {
    // "Forced 2001": the token dies now, as if the service had expired it early.
    ctx.state.tokens.expireAccess(account.email);
    return error(APP_ERRORS.accessToken);
  }
  return account;
}

/** Wraps a route that needs a signed-in account. */
export const authed =
  (handler: (ctx: RequestContext, account: AccountSpec) => Reply): Route =>
  (ctx) => {
    const account = authenticate(ctx);
    return 'status' in account ? account : handler(ctx, account);
  };

export const refreshToken: Route = (ctx) => {
  const token = str(bodyObject(ctx).refresh_token);
  if (!token) return error(APP_ERRORS.parameter);
  const pair = ctx.state.tokens.rotate(token);
  return pair ? appOk(ctx, pair) : error(APP_ERRORS.refreshToken);
};

export const getUserInfo = authed((ctx, account) =>
  appOk(ctx, {
    logo: '',
    nickname: account.nickname || account.email,
    email: account.email,
    user_code: '',
    user_center_id: account.userCenterId,
    open_user_id: account.openUserId,
  }),
);

const sortList = (account: AccountSpec): { device_id: string; product_model: string }[] =>
  account.devices.map((d) => ({ device_id: d.mac, product_model: d.model }));

export const getObjectList = authed((ctx, account) =>
  appOk(ctx, {
    device_group_list: renderGroups(account),
    device_list: account.devices.map((d) =>
      renderObjectListEntry(d, account, (device) => ctx.state.pictureUrl(device)),
    ),
    device_sort_list: sortList(account),
  }),
);

export const getDeviceList = authed((ctx, account) =>
  appOk(ctx, {
    device_info_list: account.devices.map((d) => renderLegacyEntry(d, account)),
    device_sort_list: sortList(account),
  }),
);

const findDevice = (ctx: RequestContext, account: AccountSpec) => {
  const mac = str(bodyObject(ctx).device_mac);
  return account.devices.find((d) => d.mac === mac);
};

export const getDeviceInfo = authed((ctx, account) => {
  const device = findDevice(ctx, account);
  // What the service answers for an unknown MAC is not captured; ParameterError is our choice.
  return device
    ? appOk(ctx, renderDeviceInfo(device, account, ctx.state.now()))
    : error(APP_ERRORS.parameter);
});

export const getPropertyList = authed((ctx, account) => {
  const device = findDevice(ctx, account);
  if (!device) return error(APP_ERRORS.parameter);
  const wanted = bodyObject(ctx).target_pid_list;
  const pids = Array.isArray(wanted) ? wanted.filter((p) => typeof p === 'string') : [];
  const all = propertyList(device, ctx.state.now());
  return appOk(ctx, {
    property_list: pids.length === 0 ? all : all.filter((p) => pids.includes(p.pid)),
  });
});
