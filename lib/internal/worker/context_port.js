'use strict';
// worker_threads.moveMessagePortToContext(port, contextifiedSandbox): the port's
// binding id passes to a new port object of the sandbox's vm context, and the old
// object is left unusable. The new port's class (MessagePort over HandleWrap over
// AsyncWrap, the prototype chain of node's), the MessageEvent it delivers and the
// DOMException it throws are compiled in that context once, from
// `contextClasses` below, so everything user code gets from it belongs to the
// context; their methods call `helpers` here with the port. The binding rebuilds
// its messages with that context entered (src/binding/messaging/moved.rs) and
// calls `dispatch`, which calls the port's onmessage / onmessageerror with an
// event of the context, as node's per-context code does. Such a port is not an
// EventTarget: it must be start()ed, and, as node's, it keeps the loop alive from
// the move until it closes or is unref()ed.

const {
  Error, FunctionPrototypeToString, ReflectApply, SafeWeakMap, SafeWeakSet, TypeError,
} = primordials;

const messaging = internalBinding('messaging');
const contextify = internalBinding('contextify');
const io = require('internal/worker/io');
const { newAsyncId } = require('internal/async_context');

const kMessage = 0;
const kClosed = 2;

// Compiled in the target context, so it refers to nothing outside it: the
// built-ins it needs come from syntax (a sandbox property named `Object` or
// `TypeError` shadows the context's globals). `h` is `helpers`.
function contextClasses(h) {
  'use strict';
  let ContextTypeError;
  try {
    null.f();
  } catch (e) {
    ContextTypeError = e.constructor;
  }
  const ContextObject = ({}).constructor;
  const { assign, defineProperty, getPrototypeOf, setPrototypeOf } = ContextObject;
  const ContextError = getPrototypeOf(ContextTypeError);

  function codeError(message, code) {
    const e = new ContextTypeError(message);
    e.code = code;
    return e;
  }

  class DOMException extends ContextError {
    #name;
    constructor(message = '', name = 'Error') {
      super(message);
      this.#name = `${name}`;
    }
    get name() { return this.#name; }
    get code() { return this.#name === 'DataCloneError' ? 25 : 0; }
  }

  class MessageEvent {
    constructor(data, target, type, ports) {
      this.data = data;
      this.target = target;
      this.type = type;
      this.ports = ports;
    }
  }

  const errors = {
    __proto__: null,
    illegal() { return new ContextTypeError('Illegal invocation'); },
    cloneError(message) { return new DOMException(message, 'DataCloneError'); },
    typeError: codeError,
  };

  function cannotConstruct() {
    throw codeError('Constructor cannot be called', 'ERR_CONSTRUCT_CALL_INVALID');
  }
  // Methods of object literals: like node's, they are not constructors. Each
  // prototype lists its methods, then `constructor`, as node's do.
  function define(Ctor, parent, methods) {
    const proto = assign({ __proto__: parent }, methods);
    defineProperty(proto, 'constructor', { __proto__: null, value: Ctor, writable: true, configurable: true });
    Ctor.prototype = proto;
  }
  function AsyncWrap() { cannotConstruct(); }
  function HandleWrap() { cannotConstruct(); }
  function MessagePort() { cannotConstruct(); }
  define(AsyncWrap, ContextObject.prototype, {
    getAsyncId() { return h.asyncId(this, errors); },
    asyncReset() { h.asyncId(this, errors); },
    getProviderType() {
      h.asyncId(this, errors);
      return 21; // async_hooks' MESSAGEPORT
    },
  });
  define(HandleWrap, AsyncWrap.prototype, {
    close(callback) { h.close(this, callback, errors); },
    hasRef() { return h.hasRef(this, errors); },
    ref() { h.setRef(this, true, errors); },
    unref() { h.setRef(this, false, errors); },
  });
  define(MessagePort, HandleWrap.prototype, {
    postMessage(value, transfer) {
      if (arguments.length === 0) {
        throw codeError('Not enough arguments to MessagePort.postMessage', 'ERR_MISSING_ARGS');
      }
      return h.post(this, value, transfer, errors);
    },
    start() { h.start(this, errors); },
  });

  return {
    __proto__: null,
    errors,
    // A binding host object (what V8's serializer sees as a port) made a port here.
    make(host) {
      setPrototypeOf(host, MessagePort.prototype);
      return host;
    },
    emit(port, kind, data, ports) {
      const type = kind === 0 ? 'message' : 'messageerror';
      const event = new MessageEvent(data, port, type, ports === undefined ? [] : ports);
      if (kind === 0) {
        if (typeof port.onmessage === 'function') port.onmessage(event);
      } else if (typeof port.onmessageerror === 'function') {
        port.onmessageerror(event);
      }
    },
  };
}

// port of a vm context -> { id (-1 once closed or gone), refed, closing, away
// (moved on to another context), onClose, classes (its context's), asyncId }.
const states = new SafeWeakMap();
// contextified sandbox -> contextClasses' answer there.
const classesOf = new SafeWeakMap();
// Ports that were moved away: moving one again gives a port with no channel, as node.
const movedAway = new SafeWeakSet();

function stateOf(port, errors) {
  const state = states.get(port);
  if (state === undefined) throw errors.illegal();
  return state;
}

const helpers = {
  __proto__: null,
  post(port, value, transfer, errors) {
    const state = stateOf(port, errors);
    const id = state.id;
    if (transfer === undefined || transfer === null) {
      messaging.postValue(id, value, errors.cloneError);
    } else {
      const list = io.checkTransferList(transfer, port, errors.cloneError, errors.typeError);
      if (list[1].length === 0 && list[2].length === 0) {
        messaging.postTransfer(id, value, list[0], errors.cloneError);
      } else {
        const msg = io.serializeChecked(value, list, errors.cloneError);
        if (id >= 0) messaging.post(id, kMessage, msg[0], msg[1], msg[2], msg[3]);
      }
    }
    // A port moved on answers as if it still posted, as node's does.
    return (id >= 0 || state.away) && !state.closing ? true : undefined;
  },
  start(port, errors) {
    const state = stateOf(port, errors);
    if (state.id >= 0) messaging.start(state.id);
  },
  close(port, callback, errors) {
    const state = stateOf(port, errors);
    if (state.id < 0 || state.closing) return;
    state.closing = true;
    if (typeof callback === 'function') state.onClose = callback;
    messaging.close(state.id);
  },
  hasRef(port, errors) { return stateOf(port, errors).refed; },
  setRef(port, on, errors) {
    const state = stateOf(port, errors);
    state.refed = on;
    if (state.id >= 0) messaging.setRef(state.id, on);
  },
  asyncId(port, errors) { return stateOf(port, errors).asyncId; },
};

function classesFor(sandbox) {
  let classes = classesOf.get(sandbox);
  if (classes === undefined) {
    const source = `(${FunctionPrototypeToString(contextClasses)})`;
    const make = contextify.runScriptIn(source, 'node:internal/worker/context_port', 0, 0, sandbox, 0, false,
                                        undefined);
    classes = make(helpers);
    classesOf.set(sandbox, classes);
  }
  return classes;
}

function newPort(classes, id) {
  const port = classes.make(messaging.hostObject());
  states.set(port, {
    __proto__: null, id, refed: true, closing: false, away: false, onClose: undefined, classes,
    asyncId: newAsyncId(),
  });
  return port;
}

// The binding's: a port carried by a message to `sibling` becomes one of its context.
function adopt(sibling, id) {
  return newPort(states.get(sibling).classes, id);
}

function dispatch(port, kind, value, ports) {
  const state = states.get(port);
  if (state === undefined) return;
  if (kind !== kClosed) {
    state.classes.emit(port, kind, value, ports);
    return;
  }
  state.id = -1;
  const callback = state.onClose;
  state.onClose = undefined;
  if (callback !== undefined) ReflectApply(callback, port, []);
}

messaging.setupMoved(adopt, dispatch);

io.setForeignPorts({
  __proto__: null,
  idOf(port) {
    const state = states.get(port);
    if (state === undefined) return undefined;
    return state.closing ? -1 : state.id;
  },
  detach(port) {
    const state = states.get(port);
    if (state !== undefined) state.id = -1;
  },
  receive(port) {
    const id = states.get(port).id;
    const m = id < 0 ? undefined : messaging.receiveMoved(id);
    return m === undefined ? undefined : { message: m[0] };
  },
});

function codeError(Ctor, message, code) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

function moveMessagePortToContext(port, contextifiedSandbox) {
  const isObject = port !== null && typeof port === 'object';
  const mainId = isObject ? port[io.kId] : undefined;
  const state = isObject && mainId === undefined ? states.get(port) : undefined;
  if (mainId === undefined && state === undefined) {
    throw codeError(TypeError, 'The "port" argument must be a MessagePort instance', 'ERR_INVALID_ARG_TYPE');
  }
  const id = mainId !== undefined ? mainId : state.id;
  const closing = mainId !== undefined ? port[io.kClosing] === true : state.closing;
  const away = movedAway.has(port);
  if (!away && (id < 0 || closing)) {
    throw codeError(Error, 'Cannot send data on closed MessagePort', 'ERR_CLOSED_MESSAGE_PORT');
  }
  if (!contextify.isContext(contextifiedSandbox)) {
    throw codeError(TypeError, 'Invalid context argument', 'ERR_INVALID_ARG_TYPE');
  }
  const classes = classesFor(contextifiedSandbox);
  if (away) return newPort(classes, -1);
  if (mainId !== undefined) {
    io.ports.delete(id);
    port[io.kId] = -1;
  } else {
    state.id = -1;
    state.away = true;
  }
  movedAway.add(port);
  const moved = newPort(classes, id);
  messaging.moveToContext(id, contextifiedSandbox, moved);
  return moved;
}

module.exports = { moveMessagePortToContext };
